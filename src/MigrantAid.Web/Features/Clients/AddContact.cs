using MigrantAid.Web.Data;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

public sealed class AddContactInput : ClientDetailInput
{
    public ContactFields Contact { get; set; } = new();
}

/// <summary>Adds a way to reach the client; the audit trail says which channel, never the value.</summary>
public sealed class AddContactHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    public Task<ClientHeading?> HeadingAsync(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        _records.HeadingAsync(viewer, id, cancellationToken);

    public async Task<ClientChangeOutcome> HandleAsync(Guid id, AddContactInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return ClientChangeOutcome.NotFound;
        }

        var contact = input.Contact;
        client.AddContact(contact.Channel, contact.Value!, contact.SafeToContact, ClientFields.Blank(contact.Note));
        var saved = await _records.SaveAsync(ClientAuditActions.Updated, id,
            ClientRecords.Changes([new("Contacts", null, "contact added: " + contact.Channel)]), cancellationToken);
        return saved ? ClientChangeOutcome.Saved : ClientChangeOutcome.Conflict;
    }
}
