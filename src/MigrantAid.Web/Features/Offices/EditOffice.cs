using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Offices;

public sealed class EditOfficeInput : OfficeFields
{
    [BindNever]
    public Guid Id { get; set; }

    /// <summary>The row version (xmin) the form was read at; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

    /// <summary>Set when someone else saved in between: what is stored now, shown next to the fields.</summary>
    [BindNever]
    public OfficeValues? Current { get; set; }
}

/// <summary>
/// Changes an office under optimistic concurrency: the update only applies to the row version the
/// form was read at, so an administrator never silently overwrites another's save.
/// </summary>
public sealed class EditOfficeHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<EditOfficeInput?> LoadAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(id, cancellationToken);
        return current is null
            ? null
            : new EditOfficeInput
            {
                Id = id,
                Name = current.Name,
                City = current.City,
                CountryCode = current.CountryCode,
                TimeZoneId = current.TimeZoneId,
                Code = current.Code,
                Version = current.Version,
            };
    }

    public async Task<FormOutcome> HandleAsync(Guid id, EditOfficeInput input, FormErrors errors, CancellationToken cancellationToken = default)
    {
        input.Id = id;
        if (errors.Has(nameof(input.Version)))
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            errors.AddToForm(l["This form is out of date. Open the office again from the list."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (office is null)
        {
            return FormOutcome.NotFound;
        }

        if (await OfficeNames.TakenFieldAsync(db.Offices.Where(o => o.Id != id), input, cancellationToken) is { } taken)
        {
            return OfficeNames.Duplicate(errors, taken, l);
        }

        // Case references already given keep their prefix; an office with a code keeps one, so its new cases never fall back to the city's letters.
        if (input.Code is null && office.Code.Length > 0)
        {
            errors.Add(nameof(input.Code), l["The code cannot be removed, only changed: it starts the office's case references."]);
            return FormOutcome.Invalid;
        }

        return await SaveAsync(office, input, errors, cancellationToken);
    }

    private async Task<FormOutcome> SaveAsync(Office office, EditOfficeInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        var id = office.Id;

        var changes = new Dictionary<string, string[]>(office.Differences(input.Name, input.City, input.CountryCode, input.TimeZoneId));
        if (input.Code is { } newCode && newCode != office.Code)
        {
            changes[nameof(Office.Code)] = [office.Code, newCode];
        }

        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        // The UPDATE carries "WHERE xmin = <version read by the form>": a save in between makes it match no row
        // and EF throws. (A stale form whose values equal what is stored now changes nothing, so it is not a conflict.)
        db.Entry(office).Property(o => o.Version).OriginalValue = input.Version;
        office.Update(input.Name, input.City, input.CountryCode, input.TimeZoneId, clock.GetUtcNow());
        if (input.Code is { } changedCode && changedCode != office.Code)
        {
            office.SetCode(changedCode, clock.GetUtcNow());
        }

        string? taken = null;
        var saved = await VersionedSave.TrySaveAsync(db, () => audit.RecordAsync(AuditActions.OfficeUpdated, "office", id.ToString(),
                OfficeNames.Changes(changes.Select(c => new KeyValuePair<string, string?[]>(c.Key, c.Value))), cancellationToken: cancellationToken),
            e => (taken = OfficeNames.DuplicateField(e)) is not null,
            cancellationToken);
        return saved switch
        {
            VersionedSaveResult.Conflict => await ConflictAsync(input, cancellationToken),
            VersionedSaveResult.Refused => OfficeNames.Duplicate(errors, taken!, l),
            _ => FormOutcome.Saved(),
        };
    }

    /// <summary>The form now carries the stored version: saving again is a deliberate choice to replace those values.</summary>
    private async Task<FormOutcome> ConflictAsync(EditOfficeInput input, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(input.Id, cancellationToken);
        if (current is null)
        {
            return FormOutcome.NotFound;
        }

        input.Version = current.Version;
        input.Current = current;
        return FormOutcome.Conflict(l["Someone else saved this office while you were editing it. Their values are shown under each field and nothing was overwritten. Your entries are kept: save again to replace their values with yours."],
            nameof(input.Version));
    }

    private Task<OfficeValues?> CurrentAsync(Guid id, CancellationToken cancellationToken) =>
        db.Offices.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new OfficeValues(o.Name, o.City, o.CountryCode, o.TimeZoneId, o.Version, o.Code))
            .FirstOrDefaultAsync(cancellationToken);
}
