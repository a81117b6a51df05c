using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Offices;

public sealed class CreateOfficeInput : OfficeFields
{
}

/// <summary>Creates an office; the office and its audit event are committed together.</summary>
public sealed class CreateOfficeHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<FormOutcome> HandleAsync(CreateOfficeInput input, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (await OfficeNames.TakenFieldAsync(db.Offices, input, cancellationToken) is { } taken)
        {
            return OfficeNames.Duplicate(errors, taken, l);
        }

        return await AddAsync(input, errors, cancellationToken);
    }

    private async Task<FormOutcome> AddAsync(CreateOfficeInput input, FormErrors errors, CancellationToken cancellationToken)
    {

        var office = new Office(input.Name, input.City, input.CountryCode, input.TimeZoneId, clock.GetUtcNow());
        if (input.Code is { } newCode)
        {
            office.SetCode(newCode, clock.GetUtcNow());
        }

        db.Offices.Add(office);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (OfficeNames.DuplicateField(e) is { } taken)
        {
            db.Entry(office).State = EntityState.Detached;
            return OfficeNames.Duplicate(errors, taken, l);
        }

        await audit.RecordAsync(AuditActions.OfficeCreated, "office", office.Id.ToString(), OfficeNames.Changes(
        [
            new(nameof(Office.Name), [null, office.Name]),
            new(nameof(Office.City), [null, office.City]),
            new(nameof(Office.CountryCode), [null, office.CountryCode]),
            new(nameof(Office.TimeZoneId), [null, office.TimeZoneId]),
            new(nameof(Office.Code), [null, office.Code]),
        ]), cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved();
    }
}
