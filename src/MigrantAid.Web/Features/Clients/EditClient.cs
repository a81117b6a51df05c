using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
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

/// <summary>
/// Changes a client's core fields under optimistic concurrency: the UPDATE only applies to the row
/// version the form was read at, so a second editor never silently overwrites the first.
/// </summary>
public sealed class EditClientHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
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

    /// <summary>
    /// Saves the typed values unless someone else saved since the form was read: then nothing is written, and the input
    /// carries the stored values (<see cref="EditClientInput.Current"/>) and their version, so that saving again replaces them.
    /// </summary>
    public async Task<FormOutcome> HandleAsync(Guid id, EditClientInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (await TodayAsync(id, viewer, cancellationToken) is not { } today)
        {
            return FormOutcome.NotFound;
        }

        if (errors.Has(nameof(input.Version)))
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            errors.AddToForm(l["This form is out of date. Open the client again."]);
        }

        input.Validate(errors, today, l);
        return errors.IsValid ? await SaveAsync(id, input, viewer, cancellationToken) : FormOutcome.Invalid;
    }

    private async Task<DateOnly?> TodayAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var officeId = await _records.Editable(viewer).Where(c => c.Id == id).Select(c => (Guid?)c.OfficeId).FirstOrDefaultAsync(cancellationToken);
        return officeId is null ? null : await _records.TodayAsync(viewer.OfficeId, officeId, cancellationToken);
    }

    private async Task<FormOutcome> SaveAsync(Guid id, EditClientInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return FormOutcome.NotFound;
        }

        var before = ClientValues.Of(client);
        input.ApplyTo(client, _records.Now);
        var changes = before.Differences(ClientValues.Of(client));
        if (changes.Count == 0)
        {
            // A stale form whose values equal what is stored changes nothing, so it is no conflict either.
            db.ChangeTracker.Clear();
            return FormOutcome.Unchanged;
        }

        db.Entry(client).Property(c => c.Version).OriginalValue = input.Version;
        if (await _records.SaveAsync(ClientAuditActions.Updated, id, ClientRecords.Changes(changes), cancellationToken))
        {
            return FormOutcome.Saved(id);
        }

        if (await CurrentAsync(id, viewer, cancellationToken) is not { } current)
        {
            return FormOutcome.NotFound;
        }

        // The form now carries the stored version: saving again is a deliberate choice to replace those values.
        input.Version = current.Version;
        input.Current = current;
        return FormOutcome.Conflict(
            l["Someone else saved this client while you were editing. Their values are shown under each field and nothing was overwritten. Your entries are kept: save again to replace their values with yours."],
            nameof(input.Version));
    }

    private Task<ClientValues?> CurrentAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.Editable(viewer).AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ClientValues(c.FullName, c.Patronymic, c.BirthDate, c.BirthYear, c.Sex, c.Citizenship, c.Languages,
                c.CurrentCountry, c.CurrentCity, c.Vulnerabilities, c.SeparatedOn, c.SeparatedFrom, c.Version))
            .FirstOrDefaultAsync(cancellationToken);
}
