using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Tests.Domain;

/// <summary>
/// Issue 12 point 1: which rules a court decision's dates match, which of them wait for a date not yet entered,
/// and when the copy's receipt leaves a period counted from the final form nearly or wholly gone.
/// </summary>
public class DecisionClocksTests
{
    private static readonly RuleCourt AdministrativeFirstInstance = new("RU", ProceedingType.AdministrativeCase, CourtInstance.FirstInstance);

    /// <summary>May 2026 in Russia: 1, 9 and 11 May are holidays.</summary>
    private static readonly WorkingCalendar Russia = new("RU",
    [
        new CalendarException(new DateOnly(2026, 5, 1), CalendarDayKind.Holiday, "Spring and Labour Day"),
        new CalendarException(new DateOnly(2026, 5, 9), CalendarDayKind.Holiday, "Victory Day"),
        new CalendarException(new DateOnly(2026, 5, 11), CalendarDayKind.Holiday, "Day off moved from 9 May"),
    ],
    [2026]);

    private static DeadlineRule Rule(int id, TriggerEvent trigger, ProceedingType? type = ProceedingType.AdministrativeCase, CourtInstance? instance = CourtInstance.FirstInstance,
        string forum = "RU", bool active = true) =>
        new()
        {
            Id = id,
            Name = "Rule " + id,
            Forum = forum,
            Trigger = trigger,
            ProceedingType = type,
            Instance = instance,
            Period = 1,
            Unit = PeriodUnit.Months,
            IsActive = active,
        };

    private static readonly DeadlineRule AdministrativeAppeal = Rule(3, TriggerEvent.DecisionInFinalForm);

    [Fact]
    public void Decision_with_the_copy_received_but_no_final_form_waits_for_the_final_form_of_the_appeal_rule()
    {
        var dates = new DecisionDates(new DateOnly(2026, 4, 1), null, new DateOnly(2026, 4, 20));

        var waiting = DecisionClocks.Waiting(dates, AdministrativeFirstInstance, [AdministrativeAppeal]);

        waiting.Should().ContainSingle().Which.Should().Be(new WaitingRule(AdministrativeAppeal, TriggerEvent.DecisionInFinalForm));
    }

    [Fact]
    public void Nothing_waits_once_the_date_is_entered_or_when_no_rule_matches_the_court()
    {
        var whole = new DecisionDates(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 20));
        DecisionClocks.Waiting(whole, AdministrativeFirstInstance, [AdministrativeAppeal]).Should().BeEmpty();

        var noFinalForm = whole with { FinalFormOn = null };
        DecisionClocks.Waiting(noFinalForm, AdministrativeFirstInstance with { Forum = "KZ" }, [AdministrativeAppeal]).Should().BeEmpty("the rule is Russia's");
        DecisionClocks.Waiting(noFinalForm, AdministrativeFirstInstance with { Type = ProceedingType.Civil }, [AdministrativeAppeal]).Should().BeEmpty("another kind of proceeding");
        DecisionClocks.Waiting(noFinalForm, AdministrativeFirstInstance with { Instance = CourtInstance.Appeal }, [AdministrativeAppeal]).Should().BeEmpty("another instance");
        DecisionClocks.Waiting(noFinalForm, AdministrativeFirstInstance, [Rule(3, TriggerEvent.DecisionInFinalForm, active: false)]).Should().BeEmpty("an inactive rule");
        DecisionClocks.Waiting(noFinalForm, AdministrativeFirstInstance, [Rule(4, TriggerEvent.PersonLearnedOfDecision)]).Should().BeEmpty("not a date of the decision");
    }

    [Fact]
    public void A_rule_without_a_kind_of_proceeding_or_instance_waits_for_any_and_each_missing_date_is_named()
    {
        var offenceAppeal = Rule(1, TriggerEvent.DecisionReceived, type: null, instance: null);
        var dates = new DecisionDates(new DateOnly(2026, 4, 1), null, null);

        var waiting = DecisionClocks.Waiting(dates, AdministrativeFirstInstance, [offenceAppeal, AdministrativeAppeal]);

        waiting.Should().Equal(
            new WaitingRule(offenceAppeal, TriggerEvent.DecisionReceived),
            new WaitingRule(AdministrativeAppeal, TriggerEvent.DecisionInFinalForm));
    }

    [Fact]
    public void Working_days_left_count_from_the_day_after_receipt_to_the_last_day_skipping_holidays()
    {
        // Thursday 30 April 2026 → Friday 8 May: 1 May holiday, 2–3 weekend; 4–8 May are five working days.
        DecisionClocks.WorkingDaysLeft(new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 8), Russia).Should().Be(5);
        DecisionClocks.WorkingDaysLeft(new DateOnly(2026, 5, 4), new DateOnly(2026, 5, 8), Russia).Should().Be(4);
        DecisionClocks.WorkingDaysLeft(new DateOnly(2026, 5, 8), new DateOnly(2026, 5, 8), Russia).Should().Be(0);
        DecisionClocks.WorkingDaysLeft(new DateOnly(2026, 5, 20), new DateOnly(2026, 5, 8), Russia).Should().Be(0);
    }

    [Fact]
    public void Fewer_than_five_working_days_left_is_nearly_gone_and_a_period_ended_before_receipt_is_gone()
    {
        var due = new DateOnly(2026, 5, 8);
        DecisionClocks.Lateness(new DateOnly(2026, 4, 30), due, 5).Should().Be(CopyLateness.InTime);
        DecisionClocks.Lateness(new DateOnly(2026, 5, 4), due, 4).Should().Be(CopyLateness.Nearly);
        DecisionClocks.Lateness(due, due, 0).Should().Be(CopyLateness.Nearly, "the last day itself is still ahead on the day the copy arrives");
        DecisionClocks.Lateness(due.AddDays(1), due, 0).Should().Be(CopyLateness.Gone);
    }

    [Fact]
    public void Copy_received_after_the_appeal_period_counted_from_the_final_form_ended_is_late()
    {
        // Final form 6 April 2026 + 1 month = Wednesday 6 May; the copy came on 12 May.
        var dates = new DecisionDates(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 6), new DateOnly(2026, 5, 12));

        var late = DecisionClocks.LateCopies(dates, AdministrativeFirstInstance, [AdministrativeAppeal], Russia);

        late.Should().ContainSingle().Which.Should().Be(new LateCopy(AdministrativeAppeal, new DateOnly(2026, 5, 6), 0, CopyLateness.Gone));
    }

    [Fact]
    public void Copy_received_with_four_working_days_left_is_nearly_late_and_with_five_it_is_in_time()
    {
        // Final form 8 April 2026 + 1 month = Friday 8 May.
        var finalForm = new DateOnly(2026, 4, 8);
        var nearly = new DecisionDates(new DateOnly(2026, 4, 1), finalForm, new DateOnly(2026, 5, 4));
        DecisionClocks.LateCopies(nearly, AdministrativeFirstInstance, [AdministrativeAppeal], Russia)
            .Should().ContainSingle().Which.Should().Be(new LateCopy(AdministrativeAppeal, new DateOnly(2026, 5, 8), 4, CopyLateness.Nearly));

        var inTime = nearly with { ReceivedOn = new DateOnly(2026, 4, 30) };
        DecisionClocks.LateCopies(inTime, AdministrativeFirstInstance, [AdministrativeAppeal], Russia).Should().BeEmpty();
    }

    [Fact]
    public void Lateness_is_not_judged_while_a_date_is_missing_or_for_periods_counted_from_the_receipt_itself()
    {
        var noFinalForm = new DecisionDates(new DateOnly(2026, 1, 10), null, new DateOnly(2026, 5, 12));
        DecisionClocks.LateCopies(noFinalForm, AdministrativeFirstInstance, [AdministrativeAppeal], Russia).Should().BeEmpty();

        var noCopy = new DecisionDates(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 12), null);
        DecisionClocks.LateCopies(noCopy, AdministrativeFirstInstance, [AdministrativeAppeal], Russia).Should().BeEmpty();

        var fromReceipt = Rule(1, TriggerEvent.DecisionReceived);
        var whole = new DecisionDates(new DateOnly(2026, 1, 10), new DateOnly(2026, 1, 12), new DateOnly(2026, 5, 12));
        DecisionClocks.LateCopies(whole, AdministrativeFirstInstance, [fromReceipt], Russia).Should().BeEmpty();
    }
}
