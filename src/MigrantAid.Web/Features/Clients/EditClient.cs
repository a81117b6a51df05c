using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

public sealed class EditClientInput : ClientFields
{
    [BindNever]
    public Guid Id { get; set; }

    /// <summary>The row version (xmin) the form was read at; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

    /// <summary>Set when someone else saved in between: what is stored now, shown next to the fields.</summary>
    [BindNever]
    public ClientValues? Current { get; set; }
}

public enum EditClientOutcome
{
    Saved,
    Unchanged,
    Conflict,
    NotFound,
}

public sealed record EditClientResult(EditClientOutcome Outcome, ClientValues? Current = null);

/// <summary>
/// Changes a client's core fields under optimistic concurrency: the UPDATE only applies to the row
/// version the form was read at, so a second editor never silently overwrites the first.
/// </summary>
public sealed class EditClientHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public async Task<EditClientInput?> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(id, viewer, cancellationToken);
        if (current is null)
        {
            return null;
        }

        await _records.RecordViewAsync(id, "edit", cancellationToken);
        return new EditClientInput
        {
            Id = id,
            FullName = current.FullName,
            Patronymic = current.Patronymic,
            BirthDate = current.BirthDate,
            BirthYear = current.BirthDate is null ? current.BirthYear : null,
            Sex = current.Sex,
            Citizenship = current.Citizenship,
            Languages = current.Languages,
            CurrentCountry = current.CurrentCountry,
            CurrentCity = current.CurrentCity,
            Vulnerabilities = Enum.GetValues<Vulnerability>().Where(v => v != Vulnerability.None && current.Vulnerabilities.HasFlag(v)).ToList(),
            SeparatedOn = current.SeparatedOn,
            SeparatedFrom = current.SeparatedFrom,
            Version = current.Version,
        };
    }

    public async Task<DateOnly?> TodayAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var officeId = await _records.Visible(viewer).Where(c => c.Id == id).Select(c => (Guid?)c.OfficeId).FirstOrDefaultAsync(cancellationToken);
        return officeId is null ? null : await _records.TodayAsync(viewer.OfficeId, officeId, cancellationToken);
    }

    public async Task<EditClientResult> HandleAsync(Guid id, EditClientInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return new(EditClientOutcome.NotFound);
        }

        var before = ClientValues.Of(client);
        input.ApplyTo(client, _records.Now);
        var changes = before.Differences(ClientValues.Of(client));
        if (changes.Count == 0)
        {
            // A stale form whose values equal what is stored changes nothing, so it is no conflict either.
            db.ChangeTracker.Clear();
            return new(EditClientOutcome.Unchanged);
        }

        db.Entry(client).Property(c => c.Version).OriginalValue = input.Version;
        if (await _records.SaveAsync(ClientAuditActions.Updated, id, ClientRecords.Changes(changes), cancellationToken))
        {
            return new(EditClientOutcome.Saved);
        }

        var current = await CurrentAsync(id, viewer, cancellationToken);
        return current is null ? new(EditClientOutcome.NotFound) : new(EditClientOutcome.Conflict, current);
    }

    private Task<ClientValues?> CurrentAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.Visible(viewer).AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ClientValues(c.FullName, c.Patronymic, c.BirthDate, c.BirthYear, c.Sex, c.Citizenship, c.Languages,
                c.CurrentCountry, c.CurrentCity, c.Vulnerabilities, c.SeparatedOn, c.SeparatedFrom, c.Version))
            .FirstOrDefaultAsync(cancellationToken);
}
