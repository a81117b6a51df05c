using System.Globalization;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// The one place where dates are written for people and read back from them, so that every page
/// reads the same (ADR 0014). Always day first: English "2 Mar 2026", Russian "2 марта 2026";
/// dense tables and date fields use the culture's numeric form ("02/03/2026", "02.03.2026").
/// Machines get ISO 8601 (<see cref="Iso(DateOnly)"/>), which the parsers also accept.
/// </summary>
public static class DateText
{
    public const string IsoFormat = "yyyy-MM-dd";
    public const string IsoMinuteFormat = "yyyy-MM-dd'T'HH:mm";

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    private static bool Russian => Culture.TwoLetterISOLanguageName == "ru";

    /// <summary>"d MMM yyyy" in English ("2 Mar 2026"), "d MMMM yyyy" in Russian ("2 марта 2026", genitive month).</summary>
    private static string LongPattern => Russian ? "d MMMM yyyy" : "d MMM yyyy";

    /// <summary>The numeric day-first pattern of date fields and dense tables: dd/MM/yyyy or dd.MM.yyyy.</summary>
    public static string NumericPattern => Russian ? "dd.MM.yyyy" : "dd/MM/yyyy";

    /// <summary>The pattern as shown to people in a field's hint: "dd/mm/yyyy" or "дд.мм.гггг".</summary>
    public static string PatternHint => Russian ? "дд.мм.гггг" : "dd/mm/yyyy";

    /// <summary>A date with its month as a word: "2 Mar 2026", "2 марта 2026"; "—" for none.</summary>
    public static string Long(DateOnly? date) => date?.ToString(LongPattern, Culture) ?? "—";

    /// <summary>A compact day-first date for dense tables: "02/03/2026", "02.03.2026"; "—" for none.</summary>
    public static string Short(DateOnly? date) => date?.ToString(NumericPattern, Culture) ?? "—";

    /// <summary>A local date and time: "2 Mar 2026, 14:30", "2 марта 2026, 14:30".</summary>
    public static string Instant(DateTime local) => local.ToString(LongPattern + ", HH:mm", Culture);

    /// <summary>A local date and time with seconds, for the audit log and exports.</summary>
    public static string InstantWithSeconds(DateTime local) => local.ToString(LongPattern + ", HH:mm:ss", Culture);

    /// <summary>A compact local date and time for dense tables: "02/03/2026 14:30".</summary>
    public static string ShortInstant(DateTime local) => local.ToString(NumericPattern + " HH:mm", Culture);

    /// <summary>A full date with the weekday, capitalised: "Monday, 2 March 2026", "Понедельник, 2 марта 2026".</summary>
    public static string WithWeekday(DateOnly date)
    {
        var text = date.ToString("dddd, d MMMM yyyy", Culture);
        return text.Length == 0 ? text : char.ToUpper(text[0], Culture) + text[1..];
    }

    /// <summary>A due date with its short weekday, as deadlines show it: "Mon 2 March 2026", "пн 2 марта 2026".</summary>
    public static string WithShortWeekday(DateOnly date) => date.ToString("ddd d MMMM yyyy", Culture);

    public static string Iso(DateOnly date) => date.ToString(IsoFormat, CultureInfo.InvariantCulture);

    /// <summary>The value a date field shows: the numeric day-first form of the user's language.</summary>
    public static string Input(DateOnly date) => date.ToString(NumericPattern, Culture);

    /// <summary>The value a date-and-time field shows: "02/03/2026 14:30".</summary>
    public static string Input(DateTime local) => ShortInstant(local);

    private static readonly string[] IsoDates = [IsoFormat];
    private static readonly string[] IsoDateTimes = [IsoMinuteFormat, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm"];

    /// <summary>
    /// Reads a date as a person of the current language types it (02.03.2026, 2.3.2026, 02/03/2026,
    /// "2 Mar 2026", "2 марта 2026") or as ISO 2026-03-02. Never month first.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        return DateOnly.TryParseExact(value, IsoDates, CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
            || DateOnly.TryParseExact(Normalised(value), DayFirstDates, Culture, DateTimeStyles.AllowWhiteSpaces, out date);
    }

    /// <summary>Reads a date and time (hearings): the user's form "02.03.2026 14:30" or ISO "2026-03-02T14:30".</summary>
    public static bool TryParse(string? text, out DateTime local)
    {
        local = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (DateTime.TryParseExact(value, IsoDateTimes, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            return true;
        }

        var normalised = Normalised(value).Replace(",", " ", StringComparison.Ordinal);
        var formats = DayFirstDates.SelectMany(d => new[] { d + " H:mm", d + " HH:mm" }).ToArray();
        return DateTime.TryParseExact(normalised, formats, Culture, DateTimeStyles.AllowWhiteSpaces, out local);
    }

    /// <summary>Any of the separators people type between day, month and year read as the culture's.</summary>
    private static string Normalised(string value)
    {
        var separator = Russian ? '.' : '/';
        var chars = value.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '.' or '/' or '-' && i > 0 && char.IsDigit(chars[i - 1]) && i + 1 < chars.Length && char.IsDigit(chars[i + 1]))
            {
                chars[i] = separator;
            }
        }

        return new string(chars);
    }

    private static string[] DayFirstDates => Russian
        ? ["d.M.yyyy", "d MMMM yyyy", "d MMM yyyy", "d MMMM yyyy 'г.'", "d MMM yyyy 'г.'"]
        : ["d/M/yyyy", "d MMM yyyy", "d MMMM yyyy"];
}
