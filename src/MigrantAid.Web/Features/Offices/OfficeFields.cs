using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared.Forms;
using Npgsql;

namespace MigrantAid.Web.Features.Offices;

/// <summary>The fields an administrator types for an office, shared by the create and edit forms.</summary>
public abstract class OfficeFields
{
    [Required(ErrorMessage = "Enter the office's name.")]
    [StringLength(Office.NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Name")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter the city.")]
    [StringLength(Office.CityMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "City")]
    public string City { get; set; } = "";

    [Required(ErrorMessage = "Choose a country.")]
    [KnownCountry(ErrorMessage = "Choose a country from the list.")]
    [Display(Name = "Country")]
    public string CountryCode { get; set; } = "";

    private string? _code;

    /// <summary>Starts the office's case references (SPB-2026-0042); typed in any case, kept in capitals.</summary>
    [RegularExpression("^[A-Z]{2,5}$", ErrorMessage = "An office code is 2 to 5 capital Latin letters.")]
    [Display(Name = "Code for case references")]
    public string? Code
    {
        get => _code;
        set => _code = string.IsNullOrWhiteSpace(value) ? null : value.Trim().ToUpperInvariant();
    }

    [Required(ErrorMessage = "Choose a time zone.")]
    [KnownTimeZone(ErrorMessage = "Choose a time zone from the list.")]
    [Display(Name = "Time zone")]
    public string TimeZoneId { get; set; } = "";
}

/// <summary>The values of an office as stored, with the row version they were read at.</summary>
public sealed record OfficeValues(string Name, string City, string CountryCode, string TimeZoneId, uint Version, string Code = "");

/// <summary>Valid when empty (Required speaks then) or one of <see cref="Countries.Codes"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownCountryAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string code || code.Length == 0 || Countries.IsKnown(code);
}

/// <summary>Valid when empty (Required speaks then) or one of <see cref="TimeZones.Offered"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class KnownTimeZoneAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) => value is not string id || id.Length == 0 || TimeZones.IsKnown(id);
}

internal static class OfficeNames
{
    private const string UniqueNameIndex = "ix_offices_name";
    private const string UniqueCodeIndex = "ix_offices_code";

    /// <summary>
    /// The unique index has the last word: two administrators can pass the "name is free" check at
    /// the same moment, and the second insert or rename then fails with this violation.
    /// </summary>
    public static bool IsDuplicateName(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueNameIndex };

    /// <summary>Two offices cannot start their case references alike: the partial unique index on the code decides races.</summary>
    public static bool IsDuplicateCode(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueCodeIndex };

    /// <summary>The field a unique index refused (<see cref="OfficeFields.Name"/> or <see cref="OfficeFields.Code"/>), or null for another failure.</summary>
    public static string? DuplicateField(DbUpdateException exception) =>
        IsDuplicateName(exception) ? nameof(OfficeFields.Name) : IsDuplicateCode(exception) ? nameof(OfficeFields.Code) : null;

    /// <summary>Refuses <paramref name="field"/> (name or code) as taken by another office.</summary>
    public static FormOutcome Duplicate(FormErrors errors, string field, IStringLocalizer<SharedResource> l)
    {
        errors.Add(field, field == nameof(OfficeFields.Name)
            ? l["An office with this name already exists."]
            : l["Another office already has this code."]);
        return FormOutcome.Invalid;
    }

    /// <summary>The name or the code already taken by another office (the name first), or null.</summary>
    public static async Task<string?> TakenFieldAsync(IQueryable<Office> others, OfficeFields input, CancellationToken cancellationToken)
    {
        var name = input.Name.Trim();
        if (await others.AnyAsync(o => o.Name == name, cancellationToken))
        {
            return nameof(OfficeFields.Name);
        }

        return input.Code is { } code && await others.AnyAsync(o => o.Code == code, cancellationToken) ? nameof(OfficeFields.Code) : null;
    }

    /// <summary>Audit details: one entry per field with its old and new value (old is null for a new office).</summary>
    public static object Changes(IEnumerable<KeyValuePair<string, string?[]>> changes) =>
        new { changes = changes.Select(c => new { field = c.Key, old = c.Value[0], @new = c.Value[1] }).ToList() };
}
