using System.Globalization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Features.Shared;

/// <summary>How deadline pages word dates and the arithmetic of a computed deadline, in the user's language.</summary>
public static class DeadlineText
{
    /// <summary>Lists of skipped days longer than this many runs are cut, with the number left out.</summary>
    private const int MaxListedRuns = 12;

    /// <summary>A date with its weekday, as deadlines are read ("Mon 12 January 2026").</summary>
    public static string Day(DateOnly date) => Shared.DateText.WithShortWeekday(date);

    /// <summary>The steps that produced a due date, one sentence each.</summary>
    public static IReadOnlyList<string> Steps(IStringLocalizer l, DeadlineArithmetic a)
    {
        var steps = new List<string>
        {
            l["Period: {0}, counted from the day after {1}, that is from {2}.", PeriodText.Format(l, a.Period, a.Unit), Day(a.TriggerDate), Day(a.CountFrom)].Value,
        };
        switch (a.Unit)
        {
            case PeriodUnit.CalendarDays:
                steps.Add(l["Counting every calendar day, the last day of the period is {0}.", Day(a.PeriodEnd)].Value);
                break;
            case PeriodUnit.WorkingDays:
                steps.Add(l["Counting only working days, the last day of the period is {0}.", Day(a.PeriodEnd)].Value);
                if (a.NotCounted.Count > 0)
                {
                    steps.Add(l["Not counted: {0}.", List(l, a.NotCounted)].Value);
                }

                break;
            default:
                steps.Add(a.MonthEnd
                    ? l["The month in which the period ends has no day {0}: the period ends on the last day of that month, {1}.", a.TriggerDate.Day, Day(a.PeriodEnd)].Value
                    : l["The period ends on the same day of the month as the event: {0}.", Day(a.PeriodEnd)].Value);
                break;
        }

        if (a.MovedOver.Count > 0)
        {
            steps.Add(l["{0} is not a working day; the deadline moves to the next working day, {1}. Skipped: {2}.", Day(a.PeriodEnd), Day(a.DueOn), List(l, a.MovedOver)].Value);
        }
        else if (a.Calendar is not null)
        {
            steps.Add(l["{0} is a working day: the date stays.", Day(a.DueOn)].Value);
        }

        if (a.Calendar is null)
        {
            steps.Add(a.Unit == PeriodUnit.WorkingDays
                ? l["No country calendar applies to this forum: only Saturdays and Sundays were left out, and the date is not moved."].Value
                : l["No country calendar applies to this forum: a deadline on a weekend or holiday is not moved."].Value);
        }

        if (a.YearsWithoutCalendar.Count > 0)
        {
            steps.Add(l["No non-working days are recorded for {0} in {1}: only Saturdays and Sundays were treated as non-working. Check the date.",
                Forums.Name(l, a.Calendar), string.Join(", ", a.YearsWithoutCalendar)].Value);
        }

        steps.Add(l["Due on {0}.", Day(a.DueOn)].Value);
        return steps;
    }

    /// <summary>Skipped days, with runs of the same kind of day shown as one range: "1–8 Jan (New Year holidays), 10–11 Jan (weekend)".</summary>
    private static string List(IStringLocalizer l, IReadOnlyList<SkippedDay> days)
    {
        var runs = new List<(DateOnly From, DateOnly To, SkippedDay Day)>();
        foreach (var day in days)
        {
            if (runs.Count > 0 && runs[^1].To.AddDays(1) == day.Date && runs[^1].Day.Reason == day.Reason && runs[^1].Day.Name == day.Name)
            {
                runs[^1] = (runs[^1].From, day.Date, runs[^1].Day);
            }
            else
            {
                runs.Add((day.Date, day.Date, day));
            }
        }

        var listed = runs.Take(MaxListedRuns).Select(r => Range(r.From, r.To) + " (" +
            (r.Day.Reason == NonWorkingReason.Weekend ? l["weekend"].Value : string.IsNullOrWhiteSpace(r.Day.Name) ? l["holiday"].Value : r.Day.Name) + ")");
        var text = string.Join(", ", listed);
        return runs.Count > MaxListedRuns ? l["{0} and {1} more", text, runs.Count - MaxListedRuns].Value : text;
    }

    private static string Range(DateOnly from, DateOnly to)
    {
        var culture = CultureInfo.CurrentCulture;
        if (from == to)
        {
            return from.ToString("d MMM", culture);
        }

        return from.Month == to.Month
            ? from.Day.ToString(culture) + "–" + to.ToString("d MMM", culture)
            : from.ToString("d MMM", culture) + " – " + to.ToString("d MMM", culture);
    }
}
