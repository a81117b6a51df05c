using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.Clients;

/// <summary>Who the person is: what "find before you create" asks, and the start of the full form.</summary>
public class ClientIdentityFields
{
    public const int EarliestBirthYear = 1900;

    [Required(ErrorMessage = "Enter the client's name.")]
    [StringLength(Client.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Surname and given name")]
    public string FullName { get; set; } = "";

    [StringLength(Client.PatronymicMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Patronymic")]
    public string? Patronymic { get; set; }

    [Display(Name = "Date of birth")]
    public DateOnly? BirthDate { get; set; }

    [Display(Name = "Approximate year of birth")]
    public int? BirthYear { get; set; }

    /// <summary>Checks that need today's date (in the office's time zone); messages go to the fields.</summary>
    public virtual void Validate(FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        if (BirthDate is { } date && !errors.Has(nameof(BirthDate)))
        {
            if (date > today)
            {
                errors.Add(nameof(BirthDate), l["The date of birth cannot be in the future."]);
            }
            else if (date.Year < EarliestBirthYear)
            {
                errors.Add(nameof(BirthDate), l["Enter a date of birth after {0}.", EarliestBirthYear]);
            }
        }

        if (BirthYear is { } year && !errors.Has(nameof(BirthYear)))
        {
            if (year < EarliestBirthYear || year > today.Year)
            {
                errors.Add(nameof(BirthYear), l["Enter a year between {0} and {1}.", EarliestBirthYear, today.Year]);
            }
            else if (BirthDate is { } exact && exact.Year != year)
            {
                // The exact date wins; a different year beside it would be silently dropped, so ask instead.
                errors.Add(nameof(BirthYear), l["This year does not match the date of birth. Leave it empty when the date is known."]);
            }
        }
    }

    /// <summary>The year stored: the exact date's, else the approximate one.</summary>
    public int? EffectiveBirthYear => BirthDate?.Year ?? BirthYear;
}

/// <summary>Every field of a client a caseworker types on the create and edit forms.</summary>
public class ClientFields : ClientIdentityFields
{
    public const int LanguagesMaxLength = 200;
    public const int CityMaxLength = 120;

    [EnumDataType(typeof(Sex), ErrorMessage = "Choose a value from the list.")]
    [Display(Name = "Sex")]
    public Sex Sex { get; set; }

    [KnownCitizenship(ErrorMessage = "Choose a citizenship from the list.")]
    [Display(Name = "Citizenship")]
    public string? Citizenship { get; set; }

    [StringLength(LanguagesMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Languages")]
    public string? Languages { get; set; }

    [KnownCountryOrEmpty(ErrorMessage = "Choose a country from the list.")]
    [Display(Name = "Country of stay")]
    public string? CurrentCountry { get; set; }

    [StringLength(CityMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "City of stay")]
    public string? CurrentCity { get; set; }

    [Display(Name = "Vulnerability")]
    public List<Vulnerability> Vulnerabilities { get; set; } = [];

    public Vulnerability VulnerabilityFlags => Vulnerabilities.Aggregate(Vulnerability.None, (all, v) => all | v);

    [Display(Name = "Date of separation")]
    public DateOnly? SeparatedOn { get; set; }

    [StringLength(Client.SeparatedFromMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Separated from (parent or country)")]
    public string? SeparatedFrom { get; set; }

    public override void Validate(FormErrors errors, DateOnly today, IStringLocalizer l)
    {
        base.Validate(errors, today, l);
        if (Vulnerabilities.Any(v => v == Vulnerability.None || !Enum.IsDefined(v)))
        {
            errors.Add(nameof(Vulnerabilities), l["Choose a value from the list."]);
        }

        ClientSituationRules.Validate(this, errors, today, l);
    }

    /// <summary>Copies the typed values onto the client (the name through <see cref="Client.Rename"/>).</summary>
    public void ApplyTo(Client client, DateTimeOffset now)
    {
        client.Rename(FullName, Patronymic, now);
        client.SetBirth(BirthDate, BirthDate is null ? BirthYear : null);
        client.Sex = Sex;
        client.Citizenship = Blank(Citizenship);
        client.Languages = Blank(Languages);
        client.CurrentCountry = Blank(CurrentCountry);
        client.CurrentCity = Blank(CurrentCity);
        client.Vulnerabilities = VulnerabilityFlags;
        client.SetSeparation(SeparatedOn, SeparatedFrom);
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Valid when empty or a country code or <see cref="Citizenships.Stateless"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownCitizenshipAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string code || code.Length == 0 || Citizenships.IsKnown(code);
}

/// <summary>Valid when empty or one of <see cref="Countries.Codes"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownCountryOrEmptyAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string code || code.Length == 0 || Countries.IsKnown(code);
}
