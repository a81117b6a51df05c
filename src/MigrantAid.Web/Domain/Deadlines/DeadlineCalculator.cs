using System.Text.Json;
using System.Text.Json.Serialization;

namespace MigrantAid.Web.Domain.Deadlines;

/// <summary>Why a day does not count as a working day.</summary>
public enum NonWorkingReason
{
    Weekend = 0,
    Holiday = 1,
}

/// <summary>One listed exception to the Monday–Friday week: a holiday, or a weekend day that is worked.</summary>
public sealed record CalendarException(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>A day that was not counted, or that the end of a period was moved over.</summary>
public sealed record SkippedDay(DateOnly Date, NonWorkingReason Reason, string? Name);

/// <summary>
/// A country's working days: Monday to Friday, except the listed holidays, plus the listed weekend
/// days that are worked (a government's transfer of days off). Built from country_calendar_days.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarException> _exceptions;
    private readonly HashSet<int> _recordedYears;

    /// <param name="recordedYears">Years for which the country's days were entered; by default the years of the exceptions.</param>
    public WorkingCalendar(string country, IEnumerable<CalendarException> exceptions, IEnumerable<int>? recordedYears = null)
    {
        Country = country;
        _exceptions = [];
        foreach (var exception in exceptions)
        {
            _exceptions[exception.Date] = exception;
        }

        _recordedYears = recordedYears is null ? [.. _exceptions.Keys.Select(d => d.Year)] : [.. recordedYears];
    }

    public string Country { get; }

    /// <summary>False when nobody entered the country's holidays for the year: only weekends are known then.</summary>
    public bool HasYear(int year) => _recordedYears.Contains(year);

    public bool IsWorkingDay(DateOnly day) => NonWorking(day) is null;

    /// <summary>Why <paramref name="day"/> is not a working day, or null if it is one.</summary>
    public SkippedDay? NonWorking(DateOnly day)
    {
        if (_exceptions.TryGetValue(day, out var exception))
        {
            return exception.Kind == CalendarDayKind.Holiday ? new SkippedDay(day, NonWorkingReason.Holiday, exception.Name) : null;
        }

        return day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? new SkippedDay(day, NonWorkingReason.Weekend, null) : null;
    }

    /// <summary>Saturdays and Sundays only: used to count working days where no country calendar applies.</summary>
    public static WorkingCalendar WeekendsOnly { get; } = new("", [], []);
}

/// <summary>
/// How a due date was produced, kept on the deadline (jsonb) so the case page can show the steps:
/// the trigger, the period, where the counting started and ended, days not counted, a month end,
/// the move to the next working day, and years for which no holidays were recorded.
/// </summary>
public sealed record DeadlineArithmetic
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public int Format { get; init; } = 1;

    public DateOnly TriggerDate { get; init; }

    public int Period { get; init; }

    public PeriodUnit Unit { get; init; }

    /// <summary>The country whose non-working days were used; null: no calendar (international bodies).</summary>
    public string? Calendar { get; init; }

    /// <summary>The first day of the period: the day after the trigger event.</summary>
    public DateOnly CountFrom { get; init; }

    /// <summary>The last day of the period as counted, before any move to a working day.</summary>
    public DateOnly PeriodEnd { get; init; }

    /// <summary>Months or years: the month the period ends in has no day with the trigger's number, so its last day was taken.</summary>
    public bool MonthEnd { get; init; }

    /// <summary>Working-day periods: the non-working days inside the period, not counted.</summary>
    public IReadOnlyList<SkippedDay> NotCounted { get; init; } = [];

    /// <summary>The non-working days the end of the period was moved over to reach a working day.</summary>
    public IReadOnlyList<SkippedDay> MovedOver { get; init; } = [];

    /// <summary>Years that mattered (all of a working-day count, else the last day and the move) for which the calendar holds no days: only weekends were known.</summary>
    public IReadOnlyList<int> YearsWithoutCalendar { get; init; } = [];

    public DateOnly DueOn { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored arithmetic; null when there is none or it cannot be read (shown as "not recorded").</summary>
    public static DeadlineArithmetic? FromJson(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<DeadlineArithmetic>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// The arithmetic of procedural periods as Russian codes state it (Civil Procedure Code arts. 107–108,
/// Administrative Procedure Code arts. 92–93, Code of Administrative Offences art. 4.8), used for the
/// other countries too until their lawyers say otherwise:
/// a period runs from the day after the event; a period in days ends on its last day; a period in
/// months ends on the same day number of its last month, or on that month's last day if there is no
/// such day (31 January + 1 month = 28 or 29 February); years alike (29 February + 1 year = 28 February);
/// a period in working days counts only working days; and a last day that is not a working day moves
/// to the next working day. Without a calendar (international bodies) the date is never moved: the
/// European Court, for one, does not extend a time limit that ends on a weekend.
/// </summary>
public static class DeadlineCalculator
{
    public const int MaxPeriod = 999;

    /// <summary>No country has a year without working days; a calendar that claims so is broken, not a reason to loop.</summary>
    private const int MaxSkippedInARow = 400;

    public static DeadlineArithmetic Compute(DateOnly trigger, int period, PeriodUnit unit, WorkingCalendar? calendar)
    {
        if (period < 1 || period > MaxPeriod)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, $"A period is between 1 and {MaxPeriod}.");
        }

        var countFrom = trigger.AddDays(1);
        var notCounted = new List<SkippedDay>();
        var monthEnd = false;
        DateOnly end;
        switch (unit)
        {
            case PeriodUnit.CalendarDays:
                end = trigger.AddDays(period);
                break;
            case PeriodUnit.WorkingDays:
                end = CountWorkingDays(trigger, period, calendar ?? WorkingCalendar.WeekendsOnly, notCounted);
                break;
            case PeriodUnit.Months:
                end = trigger.AddMonths(period);
                monthEnd = end.Day != trigger.Day;
                break;
            case PeriodUnit.Years:
                end = trigger.AddYears(period);
                monthEnd = end.Day != trigger.Day;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown period unit.");
        }

        var movedOver = new List<SkippedDay>();
        var due = calendar is null ? end : NextWorkingDay(end, calendar, movedOver);

        // Working days are counted through every year of the period; otherwise only the last day and the move matter.
        var firstRelevant = unit == PeriodUnit.WorkingDays ? countFrom : end;
        var missingYears = calendar is null || calendar == WorkingCalendar.WeekendsOnly
            ? []
            : Enumerable.Range(firstRelevant.Year, due.Year - firstRelevant.Year + 1).Where(y => !calendar.HasYear(y)).ToList();

        return new DeadlineArithmetic
        {
            TriggerDate = trigger,
            Period = period,
            Unit = unit,
            Calendar = calendar is null || calendar == WorkingCalendar.WeekendsOnly ? null : calendar.Country,
            CountFrom = countFrom,
            PeriodEnd = end,
            MonthEnd = monthEnd,
            NotCounted = notCounted,
            MovedOver = movedOver,
            YearsWithoutCalendar = missingYears,
            DueOn = due,
        };
    }

    /// <summary>The day itself when it is a working day, else the next one; the days moved over are added to <paramref name="movedOver"/>.</summary>
    private static DateOnly NextWorkingDay(DateOnly day, WorkingCalendar calendar, List<SkippedDay> movedOver)
    {
        while (calendar.NonWorking(day) is { } skipped)
        {
            movedOver.Add(skipped);
            day = day.AddDays(1);
            if (movedOver.Count > MaxSkippedInARow)
            {
                throw new InvalidOperationException("The calendar has no working day within a year of the end of the period.");
            }
        }

        return day;
    }

    private static DateOnly CountWorkingDays(DateOnly trigger, int period, WorkingCalendar calendar, List<SkippedDay> notCounted)
    {
        var day = trigger;
        var counted = 0;
        var skippedInARow = 0;
        while (counted < period)
        {
            day = day.AddDays(1);
            if (calendar.NonWorking(day) is { } skipped)
            {
                notCounted.Add(skipped);
                if (++skippedInARow > MaxSkippedInARow)
                {
                    throw new InvalidOperationException("The calendar has no working day within a year.");
                }
            }
            else
            {
                counted++;
                skippedInARow = 0;
            }
        }

        return day;
    }
}
