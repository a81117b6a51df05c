using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>The full registration form, reached from "find before you create" with the typed values.</summary>
public sealed class CreateClientInput : ClientFields
{
    /// <summary>The first way to reach the client (optional).</summary>
    public ContactFields Contact { get; set; } = new();

    /// <summary>Set by the "None of these" button: show the form filled in, without checking it yet.</summary>
    public bool Prefill { get; set; }
}

/// <summary>Registers a client in the caseworker's office, with a first contact; one transaction with its audit event.</summary>
public sealed class CreateClientHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<DateOnly> TodayAsync(Viewer viewer, CancellationToken cancellationToken) =>
        _records.TodayAsync(viewer.OfficeId, null, cancellationToken);

    /// <summary>Saved with the new client's id; refused with every message, the missing office included.</summary>
    public async Task<FormOutcome> HandleAsync(CreateClientInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        input.Validate(errors, await TodayAsync(viewer, cancellationToken), l);
        if (viewer.OfficeId is null)
        {
            errors.AddToForm(l["Your account has no office, so you cannot register clients. Ask an administrator to assign you to an office."]);
        }

        return errors.IsValid ? FormOutcome.Saved(await CreateAsync(input, viewer, viewer.OfficeId!.Value, cancellationToken)) : FormOutcome.Invalid;
    }

    private async Task<Guid> CreateAsync(CreateClientInput input, Viewer viewer, Guid officeId, CancellationToken cancellationToken)
    {
        var now = _records.Now;
        var client = new Client(officeId, input.FullName, input.Patronymic, viewer.UserId, now);
        input.ApplyTo(client, now);
        var changes = new List<FieldChange>
        {
            new(nameof(Client.FullName), null, client.FullName),
            new(nameof(Client.Patronymic), null, client.Patronymic),
            new(nameof(Client.BirthDate), null, ClientValues.Format(client.BirthDate)),
            new(nameof(Client.BirthYear), null, ClientValues.Format(client.BirthYear)),
            new(nameof(Client.Sex), null, client.Sex.ToString()),
            new(nameof(Client.Citizenship), null, client.Citizenship),
            new(nameof(Client.Languages), null, client.Languages),
            new(nameof(Client.CurrentCountry), null, client.CurrentCountry),
            new(nameof(Client.CurrentCity), null, client.CurrentCity),
            new(nameof(Client.Vulnerabilities), null, client.Vulnerabilities.ToString()),
        };
        if (!input.Contact.IsEmpty)
        {
            client.AddContact(input.Contact.Channel, input.Contact.Value!, input.Contact.SafeToContact, ClientFields.Blank(input.Contact.Note));

            // The contact's value stays out of the audit trail: only that one was added, and how.
            changes.Add(new("Contacts", null, "contact added: " + input.Contact.Channel));
        }

        db.Clients.Add(client);
        await _records.SaveAsync(ClientAuditActions.Created, client.Id, ClientRecords.Changes(changes.Where(c => c.New is not null)), cancellationToken);
        return client.Id;
    }
}
