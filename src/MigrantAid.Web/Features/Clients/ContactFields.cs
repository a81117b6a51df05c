using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>One way to reach a client, with whether it is safe to use.</summary>
public sealed class ContactFields
{
    public const int ValueMaxLength = 300;
    public const int NoteMaxLength = 500;

    [EnumDataType(typeof(ContactChannel), ErrorMessage = "Choose a value from the list.")]
    [Display(Name = "Channel")]
    public ContactChannel Channel { get; set; }

    [StringLength(ValueMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Phone, address or account")]
    public string? Value { get; set; }

    /// <summary>Unticked by default: the caseworker must say that this way is safe.</summary>
    [Display(Name = "Safe to contact this way")]
    public bool SafeToContact { get; set; }

    [StringLength(NoteMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Value);

    /// <summary>For a contact added on its own the value is required (on the registration form it is optional).</summary>
    public void RequireValue(FormErrors errors, string prefix, IStringLocalizer l)
    {
        if (IsEmpty)
        {
            errors.Add(prefix + nameof(Value), l["Enter the phone number, address or account."]);
        }
    }
}
