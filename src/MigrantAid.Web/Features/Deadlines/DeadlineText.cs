using System.Globalization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Cases;

namespace MigrantAid.Web.Features.Deadlines;

/// <summary>How deadline pages word dates and the arithmetic of a computed deadline, in the user's language.</summary>
public static class DeadlineText
{
    /// <summary>Lists of skipped days longer than this are cut, with the number left out.</summary>
    private const int MaxListedDays = 12;

    /// <summary>A date with its weekday, as deadlines are read ("Mon 12 January 2026").</summary>
    public static string Day(DateOnly date) => date.ToString("ddd d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>The steps that produced a due date, one sentence each.</summary>
    public static IReadOnlyList<string> Steps(IStringLocalizer l, DeadlineArithmetic a)
    {
        var steps = new List<string>
        {
            l["Period: {0} ({1}), counted from the day after {2}, that is from {3}.", a.Period, CaseText.Enum(l, a.Unit), Day(a.TriggerDate), Day(a.CountFrom)].Value,
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

    private static string List(IStringLocalizer l, IReadOnlyList<SkippedDay> days)
    {
        var listed = days.Take(MaxListedDays).Select(d => d.Date.ToString("d MMM", CultureInfo.CurrentCulture) + " (" +
            (d.Reason == NonWorkingReason.Weekend ? l["weekend"].Value : string.IsNullOrWhiteSpace(d.Name) ? l["holiday"].Value : d.Name) + ")");
        var text = string.Join(", ", listed);
        return days.Count > MaxListedDays ? l["{0} and {1} more", text, days.Count - MaxListedDays].Value : text;
    }
}
