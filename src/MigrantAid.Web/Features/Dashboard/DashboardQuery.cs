using System.Globalization;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>The dashboard's filters as typed: an office (empty for all) and a period (default: the last 12 weeks).</summary>
public sealed class DashboardQuery
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The longest period the weekly chart and the outcomes cover.</summary>
    public const int MaxPeriodDays = 2 * 366;

    public string? Office { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public static string Iso(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);
}

public enum DashboardProblem
{
    UnknownOffice,
    BadFrom,
    BadTo,
    FromAfterTo,
    TooLong,
}

/// <summary>The checked filters. Bad values are reported and replaced by the defaults, so the page always shows figures.</summary>
public sealed record DashboardFilter(Guid? OfficeId, DateOnly From, DateOnly To, DateOnly Today, IReadOnlyList<(string Field, DashboardProblem Problem)> Problems)
{
    /// <summary>Monday of the week that holds <paramref name="date"/>.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The last 12 weeks: from Monday eleven weeks before this week's Monday, to today.</summary>
    public static (DateOnly From, DateOnly To) DefaultPeriod(DateOnly today) => (WeekStart(today).AddDays(-7 * 11), today);

    public static DashboardFilter Parse(DashboardQuery query, DateOnly today, IReadOnlyCollection<Guid> offices)
    {
        var problems = new List<(string, DashboardProblem)>();
        Guid? office = null;
        if (!string.IsNullOrWhiteSpace(query.Office))
        {
            if (Guid.TryParse(query.Office, out var id) && offices.Contains(id))
            {
                office = id;
            }
            else
            {
                problems.Add(("office", DashboardProblem.UnknownOffice));
            }
        }

        var (defaultFrom, defaultTo) = DefaultPeriod(today);
        var from = Date(query.From, "from", DashboardProblem.BadFrom, problems);
        var to = Date(query.To, "to", DashboardProblem.BadTo, problems);
        var start = from ?? defaultFrom;
        var end = to ?? (from is null ? defaultTo : today < start ? start : today);
        if (start > end)
        {
            problems.Add(("to", DashboardProblem.FromAfterTo));
            (start, end) = (defaultFrom, defaultTo);
        }
        else if (end.DayNumber - start.DayNumber > DashboardQuery.MaxPeriodDays)
        {
            problems.Add(("to", DashboardProblem.TooLong));
            (start, end) = (defaultFrom, defaultTo);
        }

        return new DashboardFilter(office, start, end, today, problems);
    }

    private static DateOnly? Date(string? text, string field, DashboardProblem problem, List<(string, DashboardProblem)> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if ((DateOnly.TryParseExact(text.Trim(), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
             || DateOnly.TryParse(text.Trim(), CultureInfo.CurrentCulture, DateTimeStyles.None, out date))
            && date.Year is >= 1900 and <= 9998)
        {
            return date;
        }

        problems.Add((field, problem));
        return null;
    }

    private static string DateFormat => DashboardQuery.DateFormat;
}
