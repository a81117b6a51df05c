using System.Globalization;

namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// The calendar's month and year picker: a plain GET form (no script) sending <c>month</c> (1–12) and
/// <c>year</c>, which become the first day of that month in the month view.
/// </summary>
public sealed record CalendarMonthPicker(bool Given, DateOnly? FirstDay)
{
    public const int MinYear = 1900;
    public const int MaxYear = 2999;

    public bool IsInvalid => Given && FirstDay is null;

    public static CalendarMonthPicker Read(string? month, string? year)
    {
        if (string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
        {
            return new CalendarMonthPicker(false, null);
        }

        var m = Number(month);
        var y = Number(year);
        return m is >= 1 and <= 12 && y is >= MinYear and <= MaxYear
            ? new CalendarMonthPicker(true, new DateOnly(y.Value, m.Value, 1))
            : new CalendarMonthPicker(true, null);
    }

    private static int? Number(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>Points the query at the picked month (month view), keeping its filters and layout.</summary>
    public void ApplyTo(DeskQuery query)
    {
        if (FirstDay is { } first)
        {
            query.Date = DeskFilter.Iso(first);
            query.View = null;
        }
    }

    /// <summary>The months in the user's language, capitalized, numbered from 1.</summary>
    public static IReadOnlyList<(int Number, string Name)> MonthNames() =>
        Enumerable.Range(1, 12)
            .Select(m => (m, ViewCalendarHandler.Capitalized(CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(m))))
            .ToList();
}
