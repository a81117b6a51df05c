using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Offices;

public sealed class CreateOfficeInput : OfficeFields
{
}

/// <summary>Creates an office; the office and its audit event are committed together.</summary>
public sealed class CreateOfficeHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<OfficeSaveOutcome> HandleAsync(CreateOfficeInput input, CancellationToken cancellationToken = default)
    {
        var name = input.Name.Trim();
        if (await db.Offices.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return OfficeSaveOutcome.DuplicateName;
        }

        if (input.Code is { } code && await db.Offices.AnyAsync(o => o.Code == code, cancellationToken))
        {
            return OfficeSaveOutcome.DuplicateCode;
        }

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
        catch (DbUpdateException e) when (OfficeNames.IsDuplicateName(e))
        {
            db.Entry(office).State = EntityState.Detached;
            return OfficeSaveOutcome.DuplicateName;
        }
        catch (DbUpdateException e) when (OfficeNames.IsDuplicateCode(e))
        {
            db.Entry(office).State = EntityState.Detached;
            return OfficeSaveOutcome.DuplicateCode;
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
        return OfficeSaveOutcome.Saved;
    }
}
