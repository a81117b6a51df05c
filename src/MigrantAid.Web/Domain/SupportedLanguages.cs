namespace MigrantAid.Web.Domain;

public static class SupportedLanguages
{
    public const string English = "en";
    public const string Russian = "ru";

    public static readonly IReadOnlyList<string> All = [English, Russian];

    public static bool IsSupported(string? code) => code is English or Russian;

    /// <summary>True when the current request (or job) speaks Russian.</summary>
    public static bool CurrentIsRussian => System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Russian;
}
