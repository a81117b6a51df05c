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

    /// <summary>The same calendar with other values (view, date, layout), keeping the filters.</summary>
    public string Url(string? view = null, DateOnly? date = null, string? layout = null) =>
        Query.ToUrl("/calendar", new Dictionary<string, string?>
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
public sealed class ViewCalendarHandler(AppDbContext db, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int MonthItemsPerDay = 4;
    public const int WeekItemsPerDay = 12;
    public const int DayItems = 200;
    public const int PersonalLimit = 1000;

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
        var anchor = today;
        if (!string.IsNullOrWhiteSpace(query.Date))
        {
            if (DeskFilter.TryDate(query.Date, out var date) && date.Year is >= 1900 and <= 2999)
            {
                anchor = date;
            }
            else
            {
                problems.Add(DeskProblem.BadDate);
            }
        }

        var (from, to, periodFrom, periodTo) = Period(view, anchor);
        var scope = await DeskScope.ResolveAsync(db, offices, viewer, filter.PersonId(viewer), filter.OfficeId, cancellationToken);
        var deadlines = scope.Deadlines(db).Where(d => d.Status != DeadlineStatus.Dismissed);
        var hearings = scope.Hearings(db);
        var zones = scope.Zones;

        List<DeskDeadline> deadlineRows;
        List<DeskHearing> hearingRows;
        IReadOnlyDictionary<int, (DateTimeOffset At, Guid Id)> capped = new Dictionary<int, (DateTimeOffset, Guid)>();
        var perDay = view switch
        {
            CalendarView.Month => MonthItemsPerDay,
            CalendarView.Week => WeekItemsPerDay,
            _ => DayItems,
        };
        var truncated = false;
        if (scope.IsPersonal)
        {
            DaySpan[] whole = [new DaySpan(0, from, to)];
            deadlineRows = await DeskRows.DeadlinesAsync(db, deadlines, whole, DeskRead.All(PersonalLimit + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            var hearingRead = await DeskRows.HearingsAsync(db, hearings, whole, zones, DeskRead.All(PersonalLimit + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            hearingRows = hearingRead.Rows;
            truncated = deadlineRows.Count > PersonalLimit || hearingRead.Capped.Count > 0;
            deadlineRows = deadlineRows.Take(PersonalLimit).ToList();
            hearingRows = hearingRows.OrderBy(h => h.StartsAt).Take(PersonalLimit).ToList();
            perDay = int.MaxValue;
        }
        else
        {
            var daySpans = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => new DaySpan(i, from.AddDays(i), from.AddDays(i))).ToList();
            deadlineRows = await DeskRows.DeadlinesAsync(db, deadlines, daySpans, DeskRead.Page(perDay + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            var hearingRead = await DeskRows.HearingsAsync(db, hearings, daySpans, zones, DeskRead.Page(perDay + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            hearingRows = hearingRead.Rows;
            capped = hearingRead.Capped;
        }

        var byDay = deadlineRows.ToLookup(d => d.DueOn);
        var hearingsByDay = hearingRows.ToLookup(h => h.LocalDate);
        var days = new List<CalendarDay>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            var dayDeadlines = byDay[day].ToList();
            var dayHearings = hearingsByDay[day].OrderBy(h => h.StartsAt).ThenBy(h => h.Id).ToList();

            // A coordinator's broad view shows a few items a day; "more" leads to the day.
            var more = dayDeadlines.Count + dayHearings.Count > perDay || capped.ContainsKey(day.DayNumber - from.DayNumber);
            var shownHearings = dayHearings.Take(perDay).ToList();
            var shownDeadlines = dayDeadlines.Take(Math.Max(0, perDay - shownHearings.Count)).ToList();
            days.Add(new CalendarDay(day, day >= periodFrom && day <= periodTo, day == today, shownDeadlines, shownHearings, more));
        }

        var weeks = days.Chunk(7).Select(w => (IReadOnlyList<CalendarDay>)w).ToList();

        var title = view switch
        {
            CalendarView.Month => Capitalized(new DateTime(anchor.Year, anchor.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture)),
            CalendarView.Week => CaseText.Date(from) + " – " + CaseText.Date(to),
            _ => Capitalized(anchor.ToString("D", CultureInfo.CurrentCulture)),
        };
        var previous = view switch
        {
            CalendarView.Month => periodFrom.AddMonths(-1),
            CalendarView.Week => from.AddDays(-7),
            _ => from.AddDays(-1),
        };
        var next = view switch
        {
            CalendarView.Month => periodFrom.AddMonths(1),
            CalendarView.Week => from.AddDays(7),
            _ => from.AddDays(1),
        };
        var viewName = ViewName(view);
        var layout = string.Equals(query.Layout?.Trim(), "list", StringComparison.OrdinalIgnoreCase) ? "list" : null;
        var listed = layout is not null || view == CalendarView.Day;
        string Link(DateOnly date) => query.ToUrl("/calendar", new Dictionary<string, string?>
        {
            ["view"] = viewName,
            ["date"] = DeskFilter.Iso(date),
            ["layout"] = layout,
        });

        var personName = filter.LawyerId is { } lawyer ? filter.Lawyers.FirstOrDefault(l => l.Value == lawyer.ToString())?.Text : null;
        return new CalendarModel(query, filter with { Problems = problems }, view, listed, today, anchor, from, to, title, weeks,
            Link(previous), Link(next), query.ToUrl("/calendar", new Dictionary<string, string?> { ["view"] = viewName, ["layout"] = layout }),
            time.ZoneId, truncated, personName);
    }

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
