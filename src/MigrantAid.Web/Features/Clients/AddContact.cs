using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>A way to reach the client; the audit trail says which channel, never the value.</summary>
public sealed class AddContactInput : ClientDetailInput, IClientDetailInput
{
    public ContactFields Contact { get; set; } = new();

    public void Validate(FormErrors errors, DateOnly today, IStringLocalizer l) =>
        Contact.RequireValue(errors, nameof(Contact) + ".", l);

    public FieldChange AddTo(Client client, DateTimeOffset now)
    {
        client.AddContact(Contact.Channel, Contact.Value!, Contact.SafeToContact, ClientFields.Blank(Contact.Note));
        return new("Contacts", null, "contact added: " + Contact.Channel);
    }
}
