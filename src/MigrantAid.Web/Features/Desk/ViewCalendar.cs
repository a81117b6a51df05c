using System.Globalization;
using Microsoft.AspNetCore.Identity;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Cases;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk;

public enum CalendarView
{
    Month,
    Week,
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
            ["view"] = view ?? (View == CalendarView.Week ? "week" : null),
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
    public const int WeekItemsPerDay = 40;
    public const int PersonalLimit = 1000;

    public async Task<CalendarModel> HandleAsync(DeskQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var offices = await DeskOffices.LoadAsync(db, cancellationToken);
        var filter = await DeskFilter.ResolveAsync(db, normalizer, offices, viewer, query, cancellationToken);
        var problems = filter.Problems.ToList();
        var time = offices.TimeOf(viewer.OfficeId);
        var today = time.Today(clock.GetUtcNow());
        var view = string.Equals(query.View?.Trim(), "week", StringComparison.OrdinalIgnoreCase) ? CalendarView.Week : CalendarView.Month;
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
        var perDay = view == CalendarView.Month ? MonthItemsPerDay : WeekItemsPerDay;
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
            var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => new DaySpan(i, from.AddDays(i), from.AddDays(i))).ToList();
            deadlineRows = await DeskRows.DeadlinesAsync(db, deadlines, days, DeskRead.Page(perDay + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            var hearingRead = await DeskRows.HearingsAsync(db, hearings, days, zones, DeskRead.Page(perDay + 1), viewer.UserId, viewer.IsCoordinator, cancellationToken);
            hearingRows = hearingRead.Rows;
            capped = hearingRead.Capped;
        }

        var byDay = deadlineRows.ToLookup(d => d.DueOn);
        var hearingsByDay = hearingRows.ToLookup(h => h.LocalDate);
        var weeks = new List<IReadOnlyList<CalendarDay>>();
        for (var monday = from; monday <= to; monday = monday.AddDays(7))
        {
            var week = new List<CalendarDay>();
            for (var i = 0; i < 7; i++)
            {
                var day = monday.AddDays(i);
                var dayDeadlines = byDay[day].ToList();
                var dayHearings = hearingsByDay[day].OrderBy(h => h.StartsAt).ThenBy(h => h.Id).ToList();

                // A coordinator's broad view shows a few items a day; "more" leads to the week.
                var more = dayDeadlines.Count + dayHearings.Count > perDay || capped.ContainsKey(day.DayNumber - from.DayNumber);
                var shownHearings = dayHearings.Take(perDay).ToList();
                var shownDeadlines = dayDeadlines.Take(Math.Max(0, perDay - shownHearings.Count)).ToList();
                week.Add(new CalendarDay(day, day >= periodFrom && day <= periodTo, day == today, shownDeadlines, shownHearings, more));
            }

            weeks.Add(week);
        }

        var title = view == CalendarView.Month
            ? Capitalized(new DateTime(anchor.Year, anchor.Month, 1).ToString("MMMM yyyy", CultureInfo.CurrentCulture))
            : CaseText.Date(from) + " – " + CaseText.Date(to);
        var step = view == CalendarView.Month ? 0 : 7;
        var previous = view == CalendarView.Month ? periodFrom.AddMonths(-1) : from.AddDays(-step);
        var next = view == CalendarView.Month ? periodFrom.AddMonths(1) : from.AddDays(step);
        var viewName = view == CalendarView.Week ? "week" : null;
        var layout = string.Equals(query.Layout?.Trim(), "list", StringComparison.OrdinalIgnoreCase) ? "list" : null;
        string Link(DateOnly date) => query.ToUrl("/calendar", new Dictionary<string, string?>
        {
            ["view"] = viewName,
            ["date"] = DeskFilter.Iso(date),
            ["layout"] = layout,
        });

        var personName = filter.LawyerId is { } lawyer ? filter.Lawyers.FirstOrDefault(l => l.Value == lawyer.ToString())?.Text : null;
        return new CalendarModel(query, filter with { Problems = problems }, view, layout is not null, today, anchor, from, to, title, weeks,
            Link(previous), Link(next), query.ToUrl("/calendar", new Dictionary<string, string?> { ["view"] = viewName, ["layout"] = layout }),
            time.ZoneId, truncated, personName);
    }

    /// <summary>The days shown (whole weeks from Monday) and the period itself (the month, or the week).</summary>
    public static (DateOnly From, DateOnly To, DateOnly PeriodFrom, DateOnly PeriodTo) Period(CalendarView view, DateOnly anchor)
    {
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
