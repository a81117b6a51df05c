using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>Another spelling of the name (a passport's, a patent's), used by search and duplicate checks.</summary>
public sealed class AddAliasInput : ClientDetailInput, IClientDetailInput
{
    public const int NoteMaxLength = 200;

    [Required(ErrorMessage = "Enter the spelling.")]
    [StringLength(Domain.Clients.Client.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Other spelling")]
    public string Name { get; set; } = "";

    [StringLength(NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Where it is written (e.g. passport)")]
    public string? Note { get; set; }

    public void Validate(FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        // Nothing beyond the attributes: a spelling is any text.
    }

    public FieldChange AddTo(Domain.Clients.Client client, DateTimeOffset now)
    {
        var alias = client.AddAlias(Name, ClientFields.Blank(Note));
        client.Touch(now);
        return new("Aliases", null, alias.Name);
    }
}
