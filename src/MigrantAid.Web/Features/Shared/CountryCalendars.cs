using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Features.Shared;

/// <summary>Loads a country's non-working days from country_calendar_days for the years a computation can touch.</summary>
public static class CountryCalendars
{
    /// <summary>
    /// The calendar of a forum that is a country, or null for an international body. Loads from the
    /// year of <paramref name="from"/> to two years after <paramref name="latestEnd"/>, enough for any move
    /// to the next working day; a few dozen rows a year.
    /// </summary>
    public static async Task<WorkingCalendar?> ForForumAsync(AppDbContext db, string forum, DateOnly from, DateOnly latestEnd, CancellationToken ct)
    {
        if (!Forums.IsCountry(forum))
        {
            return null;
        }

        var first = new DateOnly(from.Year, 1, 1);
        var last = new DateOnly(Math.Min(latestEnd.Year + 2, DateOnly.MaxValue.Year), 12, 31);
        var days = await db.CountryCalendarDays.AsNoTracking()
            .Where(d => d.Country == forum && d.Date >= first && d.Date <= last)
            .Select(d => new CalendarException(d.Date, d.Kind, d.Name))
            .ToListAsync(ct);
        return new WorkingCalendar(forum, days);
    }

    /// <summary>The latest day a period can end on before any move: generous for working days (weekends and holiday runs).</summary>
    public static DateOnly LatestEnd(DateOnly trigger, int period, PeriodUnit unit) => unit switch
    {
        PeriodUnit.Months => trigger.AddMonths(period),
        PeriodUnit.Years => trigger.AddYears(period),
        PeriodUnit.WorkingDays => trigger.AddDays((period * 2) + 30),
        _ => trigger.AddDays(period),
    };
}
