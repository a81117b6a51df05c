using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
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

public sealed record EditOfficeResult(OfficeSaveOutcome Outcome, OfficeValues? Current = null);

/// <summary>
/// Changes an office under optimistic concurrency: the update only applies to the row version the
/// form was read at, so an administrator never silently overwrites another's save.
/// </summary>
public sealed class EditOfficeHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
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

    public async Task<EditOfficeResult> HandleAsync(Guid id, EditOfficeInput input, CancellationToken cancellationToken = default)
    {
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (office is null)
        {
            return new(OfficeSaveOutcome.NotFound);
        }

        var name = input.Name.Trim();
        if (await db.Offices.AnyAsync(o => o.Name == name && o.Id != id, cancellationToken))
        {
            return new(OfficeSaveOutcome.DuplicateName);
        }

        if (input.Code is { } code && await db.Offices.AnyAsync(o => o.Code == code && o.Id != id, cancellationToken))
        {
            return new(OfficeSaveOutcome.DuplicateCode);
        }

        // Case references already given keep their prefix; an office with a code keeps one, so its new cases never fall back to the city's letters.
        if (input.Code is null && office.Code.Length > 0)
        {
            return new(OfficeSaveOutcome.CodeRemoved);
        }

        var changes = new Dictionary<string, string[]>(office.Differences(input.Name, input.City, input.CountryCode, input.TimeZoneId));
        if (input.Code is { } newCode && newCode != office.Code)
        {
            changes[nameof(Office.Code)] = [office.Code, newCode];
        }

        if (changes.Count == 0)
        {
            return new(OfficeSaveOutcome.Unchanged);
        }

        // The UPDATE carries "WHERE xmin = <version read by the form>": a save in between makes it match no row
        // and EF throws. (A stale form whose values equal what is stored now changes nothing, so it is not a conflict.)
        db.Entry(office).Property(o => o.Version).OriginalValue = input.Version;
        office.Update(input.Name, input.City, input.CountryCode, input.TimeZoneId, clock.GetUtcNow());
        if (input.Code is { } changedCode && changedCode != office.Code)
        {
            office.SetCode(changedCode, clock.GetUtcNow());
        }

        var refusal = OfficeSaveOutcome.Saved;
        var saved = await VersionedSave.TrySaveAsync(db, () => audit.RecordAsync(AuditActions.OfficeUpdated, "office", id.ToString(),
                OfficeNames.Changes(changes.Select(c => new KeyValuePair<string, string?[]>(c.Key, c.Value))), cancellationToken: cancellationToken),
            e => (refusal = OfficeNames.IsDuplicateName(e) ? OfficeSaveOutcome.DuplicateName
                : OfficeNames.IsDuplicateCode(e) ? OfficeSaveOutcome.DuplicateCode : OfficeSaveOutcome.Saved) != OfficeSaveOutcome.Saved,
            cancellationToken);
        return saved switch
        {
            VersionedSaveResult.Conflict => await ConflictAsync(id, cancellationToken),
            VersionedSaveResult.Refused => new(refusal),
            _ => new(OfficeSaveOutcome.Saved),
        };
    }

    private async Task<EditOfficeResult> ConflictAsync(Guid id, CancellationToken cancellationToken)
    {
        var current = await CurrentAsync(id, cancellationToken);
        return current is null ? new(OfficeSaveOutcome.NotFound) : new(OfficeSaveOutcome.Conflict, current);
    }

    private Task<OfficeValues?> CurrentAsync(Guid id, CancellationToken cancellationToken) =>
        db.Offices.AsNoTracking()
            .Where(o => o.Id == id)
            .Select(o => new OfficeValues(o.Name, o.City, o.CountryCode, o.TimeZoneId, o.Version, o.Code))
            .FirstOrDefaultAsync(cancellationToken);
}
