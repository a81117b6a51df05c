namespace MigrantAid.Web.Domain.Clients;

/// <summary>
/// Russia's rule for visa-free foreigners, children included: at most 90 days of stay in any
/// 180-day period. Entry and exit days both count as days of stay.
/// </summary>
public static class StayCalculator
{
    public const int MaxDays = 90;
    public const int WindowDays = 180;

    public sealed record Result(int DaysUsed, DateOnly WindowStart, DateOnly? LastLegalDay, bool Overstay, int DaysOver);

    /// <param name="stays">Entry and exit dates; an open stay (no exit) means the person is still there.</param>
    /// <param name="today">The date the calculation is made for.</param>
    public static Result Calculate(IEnumerable<(DateOnly Entry, DateOnly? Exit)> stays, DateOnly today)
    {
        var periods = stays.Select(s => (s.Entry, Exit: s.Exit)).ToList();
        var present = new HashSet<DateOnly>();
        foreach (var (entry, exit) in periods)
        {
            var last = exit ?? today;
            for (var day = entry; day <= last && day <= today; day = day.AddDays(1))
            {
                present.Add(day);
            }
        }

        var windowStart = today.AddDays(-(WindowDays - 1));
        var used = UsedOn(present, today);

        DateOnly? lastLegalDay = null;
        var stillThere = periods.Any(p => p.Entry <= today && p.Exit is null);
        if (stillThere && used <= MaxDays)
        {
            // Project the current stay forward until one more day would break the rule.
            var projected = new HashSet<DateOnly>(present);
            for (var day = today.AddDays(1); day <= today.AddDays(WindowDays); day = day.AddDays(1))
            {
                projected.Add(day);
                if (UsedOn(projected, day) > MaxDays)
                {
                    lastLegalDay = day.AddDays(-1);
                    break;
                }
            }
        }
        else if (stillThere)
        {
            lastLegalDay = LastDayWithin(present, today);
        }

        return new Result(used, windowStart, lastLegalDay, used > MaxDays, Math.Max(0, used - MaxDays));
    }

    private static int UsedOn(HashSet<DateOnly> present, DateOnly day)
    {
        var start = day.AddDays(-(WindowDays - 1));
        return present.Count(d => d >= start && d <= day);
    }

    /// <summary>For someone already over the limit: the last day on which they were still within it.</summary>
    private static DateOnly? LastDayWithin(HashSet<DateOnly> present, DateOnly today)
    {
        foreach (var day in present.Where(d => d <= today).OrderDescending())
        {
            if (UsedOn(present, day) <= MaxDays)
            {
                return day;
            }
        }

        return null;
    }
}
