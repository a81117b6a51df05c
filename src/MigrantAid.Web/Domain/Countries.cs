namespace MigrantAid.Web.Domain;

/// <summary>
/// Countries the organisation works in or with. Names are localized through the
/// resource key "Country.XX"; the list grows with the reference data of later work.
/// </summary>
public static class Countries
{
    public static readonly IReadOnlyList<string> Codes =
    [
        "RU", "KZ", "KG", "TJ", "UZ", "TM", "AZ", "AM", "GE", "BY", "UA", "MD", "MN", "AF", "CN", "TR", "DE",
    ];

    public static bool IsKnown(string? code) => code is not null && Codes.Contains(code);

    public static string ResourceKey(string code) => "Country." + code;
}
