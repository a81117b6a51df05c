using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>A migration document (passport, migration card, registration, patent, residence permit).</summary>
public sealed class AddDocumentInput : ClientDetailInput, IClientDetailInput
{
    public const int NumberMaxLength = 64;

    [EnumDataType(typeof(MigrationDocumentType), ErrorMessage = "Choose a value from the list.")]
    [Display(Name = "Document")]
    public MigrationDocumentType Type { get; set; }

    [StringLength(NumberMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Number")]
    public string? Number { get; set; }

    [KnownCountryOrEmpty(ErrorMessage = "Choose a country from the list.")]
    [Display(Name = "Issued by (country)")]
    public string? IssuingCountry { get; set; }

    [Display(Name = "Issued on")]
    public DateOnly? IssuedOn { get; set; }

    [Display(Name = "Expires on")]
    public DateOnly? ExpiresOn { get; set; }

    public void Validate(FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        if (IssuedOn is { } issued && issued > today)
        {
            errors.Add(nameof(IssuedOn), l["The issue date cannot be in the future."]);
        }

        if (IssuedOn is { } from && ExpiresOn is { } to && to < from)
        {
            errors.Add(nameof(ExpiresOn), l["The expiry date cannot be before the issue date."]);
        }
    }

    public FieldChange AddTo(Client client, DateTimeOffset now)
    {
        var document = client.AddDocument(Type, ClientFields.Blank(Number), ClientFields.Blank(IssuingCountry), IssuedOn, ExpiresOn);

        // The number stays out of the audit trail; the type and dates say which document it was.
        return new("Documents", null, $"{document.Type} {ClientValues.Format(document.IssuedOn)}..{ClientValues.Format(document.ExpiresOn)}");
    }
}
