using System.Globalization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Features.Shared;

/// <summary>How the case pages word stored values: enum members through their "Type.Member" keys, dates in the user's culture.</summary>
public static class CaseText
{
    public static string Enum<T>(IStringLocalizer l, T value)
        where T : struct, System.Enum => l[typeof(T).Name + "." + value].Value;

    /// <summary>A member name as stored in the timeline's JSON; shown as stored if it is no longer a member.</summary>
    public static string Enum<T>(IStringLocalizer l, string? name)
        where T : struct, System.Enum =>
        name is null ? "—" : System.Enum.TryParse<T>(name, out var value) && System.Enum.IsDefined(value) ? Enum(l, value) : name;

    public static string Date(DateOnly? date) => Shared.DateText.Long(date);

    public static string Instant(DateTime local) => Shared.DateText.Instant(local);

    public static string Country(IStringLocalizer l, string? code) =>
        code is null ? "—" : Countries.IsKnown(code) ? l[Countries.ResourceKey(code)].Value : code;

    public static string Size(IStringLocalizer l, long bytes) => bytes switch
    {
        < 1024 => l["{0} bytes", bytes].Value,
        < 1024 * 1024 => l["{0} KB", (bytes / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)].Value,
        _ => l["{0} MB", (bytes / 1024.0 / 1024.0).ToString("0.#", CultureInfo.CurrentCulture)].Value,
    };

    public static string People(IStringLocalizer l, IReadOnlyList<string> names) => names.Count == 0 ? "—" : string.Join(", ", names);

    /// <summary>The label of a field named in an edit event.</summary>
    public static string Field(IStringLocalizer l, string field) => field switch
    {
        "Title" => l["Title"].Value,
        "Priority" => l["Priority"].Value,
        "Confidential" => l["Confidential"].Value,
        "Sealed" => l["Sealed"].Value,
        _ => field,
    };

    /// <summary>An old or new value of an edit event, worded for its field.</summary>
    public static string FieldValue(IStringLocalizer l, string field, string? value) => field switch
    {
        _ when value is null => "—",
        "Priority" => Enum<CasePriority>(l, value),
        "Confidential" or "Sealed" => value == "true" ? l["Yes"].Value : l["No"].Value,
        _ => value,
    };
}
