using System.Globalization;

namespace MigrantAid.Tests.Support;

/// <summary>Dates and times as forms send them and as the English pages show them (British formats).</summary>
public static class FormValues
{
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A local date and time as a datetime-local field sends it.</summary>
    public static string Local(DateTime local) => local.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    public static string Shown(DateTime local) => local.ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    public static string Shown(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
}
