using System.Globalization;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

public enum CalendarView
{
    Month,
    Week,

    /// <summary>One day as a list: where "more on this day" of a coordinator's busy month or week leads.</summary>
    Day,
}

public sealed record CalendarDay(DateOnly Date, bool InPeriod, bool IsToday, IReadOnlyList<DeskDeadline> Deadlines, IReadOnlyList<DeskHearing> Hearings, bool HasMore);

public sealed record CalendarModel(
    DeskQuery Query, DeskFilter Filter, CalendarView View, bool ListLayout, DateOnly Today, DateOnly Anchor, DateOnly From, DateOnly To, string Title,
    IReadOnlyList<IReadOnlyList<CalendarDay>> Weeks, string PreviousUrl, string NextUrl, string TodayUrl, string ZoneId, bool Truncated, string? PersonName)
{
    public IEnumerable<CalendarDay> Days => Weeks.SelectMany(w => w);

    /// <summary>The calendar's address, from its route (<see cref="DeskLinks"/>).</summary>
    public string CalendarPath { get; init; } = "";

    /// <summary>The same calendar with other values (view, date, layout), keeping the filters.</summary>
    public string Url(string? view = null, DateOnly? date = null, string? layout = null) =>
        Query.ToUrl(CalendarPath, new Dictionary<string, string?>
        {
            ["view"] = view ?? ViewCalendarHandler.ViewName(View),
            ["date"] = DeskFilter.Iso(date ?? Anchor),
            ["layout"] = layout ?? (ListLayout ? "list" : null),
        });
}

/// <summary>
/// A month (weeks from Monday) or a week of deadlines (not dismissed) and hearings, placed on their
/// local dates. A person's calendar is read whole (their cases bound it); a coordinator's view of an
/// office or of everyone reads each day separately, a few items per day, with a link to the week.
/// </summary>
public sealed class ViewCalendarHandler(AppDbContext db, ILookupNormalizer normalizer, TimeProvider clock, LinkGenerator links)
{
    public const int MonthItemsPerDay = 4;
    public const int WeekItemsPerDay = 12;
    public const int DayItems = 200;
    public const int PersonalLimit = 1000;

    private static readonly IReadOnlyDictionary<int, (DateTimeOffset At, Guid Id)> NoneCapped = new Dictionary<int, (DateTimeOffset, Guid)>();

    /// <summary>The items read for the days shown: at most <see cref="PerDay"/> a day (a day in <see cref="Capped"/> has more).</summary>
    private sealed record CalendarItems(
        List<DeskDeadline> Deadlines, List<DeskHearing> Hearings, IReadOnlyDictionary<int, (DateTimeOffset At, Guid Id)> Capped, int PerDay, bool Truncated);

    public async Task<CalendarModel> HandleAsync(DeskQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var offices = await DeskOffices.LoadAsync(db, cancellationToken);
        var filter = await DeskFilter.ResolveAsync(db, normalizer, offices, viewer, query, cancellationToken);
        var problems = filter.Problems.ToList();
        var time = offices.TimeOf(viewer.OfficeId);
        var today = time.Today(clock.GetUtcNow());
        var view = query.View?.Trim().ToLowerInvariant() switch
        {
            "week" => CalendarView.Week,
            "day" => CalendarView.Day,
            _ => CalendarView.Month,
        };
        var anchor = Anchor(query.Date, today, problems);
        var (from, to, periodFrom, periodTo) = Period(view, anchor);
        var scope = await DeskScope.ResolveAsync(db, offices, viewer, filter.PersonId(viewer), filter.OfficeId, cancellationToken);
        var items = await ReadItemsAsync(scope, view, from, to, viewer, cancellationToken);
        var weeks = Days(items, from, to, periodFrom, periodTo, today).Chunk(7).Select(w => (IReadOnlyList<CalendarDay>)w).ToList();

        var viewName = ViewName(view);
        var layout = string.Equals(query.Layout?.Trim(), "list", StringComparison.OrdinalIgnoreCase) ? "list" : null;
        var path = links.CalendarPath();
        string Link(DateOnly date) => query.ToUrl(path, new Dictionary<string, string?>
        {
            ["view"] = viewName,
            ["date"] = DeskFilter.Iso(date),
            ["layout"] = layout,
        });

        var (previous, next) = Neighbours(view, from, periodFrom);
        var personName = filter.LawyerId is { } lawyer ? filter.Lawyers.FirstOrDefault(l => l.Value == lawyer.ToString())?.Text : null;
        return new CalendarModel(query, filter with { Problems = problems }, view, layout is not null || view == CalendarView.Day, today, anchor, from, to,
            Title(view, anchor, from, to), weeks, Link(previous), Link(next),
            query.ToUrl(path, new Dictionary<string, string?> { ["view"] = viewName, ["layout"] = layout }),
            time.ZoneId, items.Truncated, personName)
        { CalendarPath = path };
    }

    /// <summary>The date the calendar shows: the one asked for, or today (a bad date is reported).</summary>
    private static DateOnly Anchor(string? text, DateOnly today, List<DeskProblem> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return today;
        }

        if (DeskFilter.TryDate(text, out var date) && date.Year is >= 1900 and <= 2999)
        {
            return date;
        }

        problems.Add(DeskProblem.BadDate);
        return today;
    }

    /// <summary>
    /// A person's calendar is read whole (their cases bound it, up to <see cref="PersonalLimit"/> items); a broad view
    /// reads each day separately, one item more than it shows, so that a day knows it has more.
    /// </summary>
    private async Task<CalendarItems> ReadItemsAsync(DeskScope scope, CalendarView view, DateOnly from, DateOnly to, Viewer viewer, CancellationToken cancellationToken)
    {
        var deadlines = scope.Deadlines(db).Where(d => d.Status != DeadlineStatus.Dismissed);
        var hearings = scope.Hearings(db);
        if (scope.IsPersonal)
        {
            DaySpan[] whole = [new DaySpan(0, from, to)];
            var personalDeadlines = await DeskRows.DeadlinesAsync(db, deadlines, whole, DeskRead.All(PersonalLimit + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            var personalHearings = await DeskRows.HearingsAsync(db, hearings, whole, scope.Zones, DeskRead.All(PersonalLimit + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            return new CalendarItems(personalDeadlines.Take(PersonalLimit).ToList(), personalHearings.Rows.OrderBy(h => h.StartsAt).Take(PersonalLimit).ToList(),
                NoneCapped, int.MaxValue, personalDeadlines.Count > PersonalLimit || personalHearings.Capped.Count > 0);
        }

        var perDay = view switch
        {
            CalendarView.Month => MonthItemsPerDay,
            CalendarView.Week => WeekItemsPerDay,
            _ => DayItems,
        };
        var daySpans = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => new DaySpan(i, from.AddDays(i), from.AddDays(i))).ToList();
        var dayDeadlines = await DeskRows.DeadlinesAsync(db, deadlines, daySpans, DeskRead.Page(perDay + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
        var dayHearings = await DeskRows.HearingsAsync(db, hearings, daySpans, scope.Zones, DeskRead.Page(perDay + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
        return new CalendarItems(dayDeadlines, dayHearings.Rows, dayHearings.Capped, perDay, false);
    }

    /// <summary>The days shown, each with its first items (hearings first); "more" leads a coordinator's broad view to the day.</summary>
    private static List<CalendarDay> Days(CalendarItems items, DateOnly from, DateOnly to, DateOnly periodFrom, DateOnly periodTo, DateOnly today)
    {
        var byDay = items.Deadlines.ToLookup(d => d.DueOn);
        var hearingsByDay = items.Hearings.ToLookup(h => h.LocalDate);
        var perDay = items.PerDay;
        var days = new List<CalendarDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dayDeadlines = byDay[day].ToList();
            var dayHearings = hearingsByDay[day].OrderBy(h => h.StartsAt).ThenBy(h => h.Id).ToList();
            var more = dayDeadlines.Count + dayHearings.Count > perDay || items.Capped.ContainsKey(day.DayNumber - from.DayNumber);
            var shownHearings = dayHearings.Take(perDay).ToList();
            var shownDeadlines = dayDeadlines.Take(Math.Max(0, perDay - shownHearings.Count)).ToList();
            days.Add(new CalendarDay(day, day >= periodFrom && day <= periodTo, day == today, shownDeadlines, shownHearings, more));
        }

        return days;
    }

    private static string Title(CalendarView view, DateOnly anchor, DateOnly from, DateOnly to) => view switch
    {
        CalendarView.Month => Capitalized(new DateTime(anchor.Year, anchor.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)),
        CalendarView.Week => CaseText.Date(from) + " – " + CaseText.Date(to),
        _ => Capitalized(anchor.ToString("D", CultureInfo.CurrentCulture)),
    };

    /// <summary>The dates of the previous and the next period: a month, a week or a day away.</summary>
    private static (DateOnly Previous, DateOnly Next) Neighbours(CalendarView view, DateOnly from, DateOnly periodFrom) => view switch
    {
        CalendarView.Month => (periodFrom.AddMonths(-1), periodFrom.AddMonths(1)),
        CalendarView.Week => (from.AddDays(-7), from.AddDays(7)),
        _ => (from.AddDays(-1), from.AddDays(1)),
    };

    public static string? ViewName(CalendarView view) => view switch
    {
        CalendarView.Week => "week",
        CalendarView.Day => "day",
        _ => null,
    };

    /// <summary>The days shown (whole weeks from Monday; or the one day) and the period itself (the month, the week, the day).</summary>
    public static (DateOnly From, DateOnly To, DateOnly PeriodFrom, DateOnly PeriodTo) Period(CalendarView view, DateOnly anchor)
    {
        if (view == CalendarView.Day)
        {
            return (anchor, anchor, anchor, anchor);
        }

        if (view == CalendarView.Week)
        {
            var monday = Monday(anchor);
            return (monday, monday.AddDays(6), monday, monday.AddDays(6));
        }

        var first = new DateOnly(anchor.Year, anchor.Month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        return (Monday(first), Monday(last).AddDays(6), first, last);
    }

    public static DateOnly Monday(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>Weekday names from Monday, in the user's language: full and abbreviated.</summary>
    public static IReadOnlyList<(string Full, string Short)> WeekdayNames()
    {
        var format = CultureInfo.CurrentCulture.DateTimeFormat;
        return Enumerable.Range(1, 7)
            .Select(i => (DayOfWeek)(i % 7))
            .Select(d => (Capitalized(format.GetDayName(d)), Capitalized(format.GetAbbreviatedDayName(d))))
            .ToList();
    }

    public static string Capitalized(string text) =>
        text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];
}
