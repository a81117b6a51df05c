using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

/// <summary>The parts of a client record that can be removed one by one from the client page.</summary>
public enum ClientDetailKind
{
    Alias,
    Contact,
    Document,
    Stay,
    Family,
}

/// <summary>
/// Removes an alias, contact, document, stay or family link (both directions) from a client the
/// viewer may see; audited like every change, without contact values or document numbers.
/// </summary>
public sealed class RemoveClientDetailHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private readonly ClientRecords _records = new(db, audit, clock);

    /// <summary>Saved, NotFound (the client, or the item on it, is missing or not visible), or Conflict when someone else saved the client in between.</summary>
    public async Task<FormOutcome> HandleAsync(Guid id, ClientDetailKind kind, Guid itemId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var client = await _records.LoadAsync(viewer, id, cancellationToken);
        if (client is null)
        {
            return FormOutcome.NotFound;
        }

        var events = new List<(Guid, object)>();
        FieldChange? change = null;
        switch (kind)
        {
            case ClientDetailKind.Alias when client.Aliases.FirstOrDefault(a => a.Id == itemId) is { } alias:
                client.RemoveAlias(alias);
                client.Touch(_records.Now);
                change = new("Aliases", alias.Name, null);
                break;
            case ClientDetailKind.Contact when client.Contacts.FirstOrDefault(c => c.Id == itemId) is { } contact:
                client.RemoveContact(contact);
                change = new("Contacts", "contact removed: " + contact.Channel, null);
                break;
            case ClientDetailKind.Document when client.Documents.FirstOrDefault(d => d.Id == itemId) is { } document:
                client.RemoveDocument(document);
                change = new("Documents", $"{document.Type} {ClientValues.Format(document.IssuedOn)}..{ClientValues.Format(document.ExpiresOn)}", null);
                break;
            case ClientDetailKind.Stay when client.Stays.FirstOrDefault(s => s.Id == itemId) is { } stay:
                client.RemoveStay(stay);
                change = new("Stays", $"{stay.Country} {ClientValues.Format(stay.EntryDate)}..{ClientValues.Format(stay.ExitDate)}", null);
                break;
            case ClientDetailKind.Family:
                // Both records must be visible: unlinking changes the other person's record too.
                if (!await _records.Visible(viewer).AnyAsync(c => c.Id == itemId, cancellationToken))
                {
                    return FormOutcome.NotFound;
                }

                var links = await db.FamilyLinks
                    .Where(f => (f.ClientId == id && f.RelatedClientId == itemId) || (f.ClientId == itemId && f.RelatedClientId == id))
                    .ToListAsync(cancellationToken);
                if (links.Count == 0)
                {
                    return FormOutcome.NotFound;
                }

                db.FamilyLinks.RemoveRange(links);
                var mine = links.FirstOrDefault(l => l.ClientId == id);
                events.Add((itemId, ClientRecords.Changes([new("Family", $"{mine?.Relation.Inverse()} {id}", null)])));
                change = new("Family", $"{mine?.Relation} {itemId}", null);
                break;
            default:
                return FormOutcome.NotFound;
        }

        events.Insert(0, (id, ClientRecords.Changes([change])));
        return await _records.SaveAsync(ClientAuditActions.Updated, events, cancellationToken)
            ? FormOutcome.Saved()
            : FormOutcome.Conflict(l["Someone else changed this client at the same moment, so nothing was removed. Try again."]);
    }
}
