using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Features.Shared;

/// <summary>How client values read on pages, in the user's language and culture.</summary>
public static class ClientText
{
    /// <summary>The exact date, or "≈ 1991" when only the year is known.</summary>
    public static string Birth(IStringLocalizer l, DateOnly? date, int? year) =>
        date is { } exact ? Shared.DateText.Long(exact)
        : year is { } approximate ? l["≈ {0}", approximate].Value
        : "";

    public static string Date(DateOnly? date) => date is null ? "" : Shared.DateText.Long(date);

    /// <summary>"On 3 Mar 2025, from the mother", or what of it is known.</summary>
    public static string Separation(IStringLocalizer l, DateOnly? on, string? from) => (on, from) switch
    {
        ({ } date, { } whom) => l["On {0}, from: {1}", Date(date), whom].Value,
        ({ } date, null) => l["On {0}", Date(date)].Value,
        (null, { } whom) => l["From: {0}", whom].Value,
        _ => l["Date and whom or where from not recorded"].Value,
    };

    public static string Citizenship(IStringLocalizer l, string? code) =>
        code is null ? "" : Citizenships.IsKnown(code) ? l[Citizenships.ResourceKey(code)].Value : code;

    public static string Country(IStringLocalizer l, string? code) =>
        code is null ? "" : Countries.IsKnown(code) ? l[Countries.ResourceKey(code)].Value : code;

    /// <summary>Citizenship choices: the countries, localized and sorted, then "stateless".</summary>
    public static IReadOnlyList<(string Code, string Name)> CitizenshipChoices(IStringLocalizer l) =>
        Countries.Codes.Select(c => (c, l[Countries.ResourceKey(c)].Value))
            .OrderBy(c => c.Value, StringComparer.CurrentCulture)
            .Append((Citizenships.Stateless, l[Citizenships.ResourceKey(Citizenships.Stateless)].Value))
            .ToList();

    public static IReadOnlyList<(string Code, string Name)> CountryChoices(IStringLocalizer l) =>
        Countries.Codes.Select(c => (c, l[Countries.ResourceKey(c)].Value))
            .OrderBy(c => c.Value, StringComparer.CurrentCulture)
            .ToList();
}
