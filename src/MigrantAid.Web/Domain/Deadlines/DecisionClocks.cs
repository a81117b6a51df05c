using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Domain.Deadlines;

/// <summary>The dates of a court decision that can start a clock.</summary>
public sealed record DecisionDates(DateOnly DecidedOn, DateOnly? FinalFormOn, DateOnly? ReceivedOn);

/// <summary>The court a decision comes from, as deadline rules match it: the country, the kind of proceeding and the instance.</summary>
public sealed record RuleCourt(string Forum, ProceedingType? Type, CourtInstance? Instance);

/// <summary>A rule that applies to a decision but cannot run yet: the date of <see cref="Awaits"/> is not entered.</summary>
public sealed record WaitingRule(DeadlineRule Rule, TriggerEvent Awaits);

/// <summary>How much of a period the receipt of the copy left.</summary>
public enum CopyLateness
{
    /// <summary>At least <see cref="DecisionClocks.MinWorkingDaysLeft"/> working days were left.</summary>
    InTime = 0,

    /// <summary>Fewer working days than that were left (the last day itself may still be ahead).</summary>
    Nearly = 1,

    /// <summary>The period had ended before the copy arrived.</summary>
    Gone = 2,
}

/// <summary>A period counted from an event other than the receipt of the copy, and what the receipt left of it.</summary>
public sealed record LateCopy(DeadlineRule Rule, DateOnly DueOn, int WorkingDaysLeft, CopyLateness Lateness);

/// <summary>
/// What a court decision's dates mean for the deadline rules: which rules match it, which of them still wait
/// for a date (a decision recorded with the date the copy was received but not the date of its final form, where
/// the appeal period runs from the final form), and whether the copy arrived so late that such a period is nearly
/// or wholly gone, so that an application to restore the missed period is what is left.
/// </summary>
public static class DecisionClocks
{
    /// <summary>
    /// A period is "nearly gone" when the copy left fewer than this many working days of it (counted from the day after
    /// the copy was received to the last day of the period, both in the forum's calendar): too few to prepare a reasoned
    /// appeal. An application to restore the period, filed with the appeal, is then offered.
    /// </summary>
    public const int MinWorkingDaysLeft = 5;

    /// <summary>The events a court decision records, in the order its form asks for them.</summary>
    public static IReadOnlyList<TriggerEvent> DecisionEvents { get; } = [TriggerEvent.DecisionInFinalForm, TriggerEvent.DecisionReceived];

    /// <summary>Whether an active rule applies to <paramref name="trigger"/> in this court (its optional kind of proceeding and instance agreeing).</summary>
    public static bool Matches(DeadlineRule rule, TriggerEvent trigger, RuleCourt court) =>
        rule.IsActive && rule.Trigger == trigger && string.Equals(rule.Forum, court.Forum, StringComparison.Ordinal)
        && (rule.ProceedingType is null || rule.ProceedingType == court.Type)
        && (rule.Instance is null || rule.Instance == court.Instance);

    /// <summary>The decision's date for an event it records; null when not entered (or not an event of a decision).</summary>
    public static DateOnly? DateOf(DecisionDates dates, TriggerEvent trigger) => trigger switch
    {
        TriggerEvent.DecisionInFinalForm => dates.FinalFormOn,
        TriggerEvent.DecisionReceived => dates.ReceivedOn,
        _ => null,
    };

    /// <summary>The rules that match the decision's court but whose trigger date is not entered yet, by rule.</summary>
    public static IReadOnlyList<WaitingRule> Waiting(DecisionDates dates, RuleCourt court, IEnumerable<DeadlineRule> rules) =>
        rules.SelectMany(rule => DecisionEvents
                .Where(trigger => DateOf(dates, trigger) is null && Matches(rule, trigger, court))
                .Select(trigger => new WaitingRule(rule, trigger)))
            .OrderBy(w => w.Rule.Id)
            .ToList();

    /// <summary>Working days after <paramref name="received"/> up to and including <paramref name="dueOn"/> (0 when the period ends on or before it).</summary>
    public static int WorkingDaysLeft(DateOnly received, DateOnly dueOn, WorkingCalendar calendar)
    {
        var left = 0;
        for (var day = received.AddDays(1); day <= dueOn; day = day.AddDays(1))
        {
            if (calendar.IsWorkingDay(day))
            {
                left++;
            }
        }

        return left;
    }

    /// <summary>How late a copy received on <paramref name="received"/> is for a period ending on <paramref name="dueOn"/>.</summary>
    public static CopyLateness Lateness(DateOnly received, DateOnly dueOn, int workingDaysLeft) =>
        dueOn < received ? CopyLateness.Gone
        : workingDaysLeft < MinWorkingDaysLeft ? CopyLateness.Nearly
        : CopyLateness.InTime;

    /// <summary>
    /// The periods of the matching rules counted from another date of the decision (the final form) that the copy's
    /// receipt leaves nearly or wholly gone. Empty when the copy's date or the other date is not entered: a period that
    /// waits for its date cannot be judged yet. <paramref name="calendar"/> is the forum's (null: an international body).
    /// </summary>
    public static IReadOnlyList<LateCopy> LateCopies(DecisionDates dates, RuleCourt court, IEnumerable<DeadlineRule> rules, WorkingCalendar? calendar)
    {
        if (dates.ReceivedOn is not { } received)
        {
            return [];
        }

        var late = new List<LateCopy>();
        foreach (var trigger in DecisionEvents.Where(t => t != TriggerEvent.DecisionReceived))
        {
            if (DateOf(dates, trigger) is not { } start)
            {
                continue;
            }

            foreach (var rule in rules.Where(r => Matches(r, trigger, court)).OrderBy(r => r.Id))
            {
                var due = DeadlineCalculator.Compute(start, rule.Period, rule.Unit, calendar).DueOn;
                var left = WorkingDaysLeft(received, due, calendar ?? WorkingCalendar.WeekendsOnly);
                var lateness = Lateness(received, due, left);
                if (lateness != CopyLateness.InTime)
                {
                    late.Add(new LateCopy(rule, due, left, lateness));
                }
            }
        }

        return late;
    }
}
