using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;

namespace MigrantAid.Tests.Domain;

/// <summary>The UN follow-up's events and dates, and the arithmetic of its shipped rules' periods, without a database.</summary>
public class FollowUpRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 6);

    [Fact]
    public void A_request_for_interim_measures_is_an_event_from_its_date()
    {
        var s = Submission(requested: new DateOnly(2026, 11, 2));

        FollowUp.Events(s).Should().Contain((TriggerEvent.InterimMeasuresRequested, new DateOnly(2026, 11, 2)));
    }

    [Fact]
    public void Interim_measures_are_a_granted_event_only_when_the_committee_granted_them()
    {
        var granted = Submission(decision: new DateOnly(2026, 11, 5), granted: true);
        var refused = Submission(decision: new DateOnly(2026, 11, 5), granted: false);
        var unknown = Submission(decision: new DateOnly(2026, 11, 5), granted: null);

        Date(granted, TriggerEvent.InterimMeasuresGranted).Should().Be(new DateOnly(2026, 11, 5));
        Date(refused, TriggerEvent.InterimMeasuresGranted).Should().BeNull();
        Date(unknown, TriggerEvent.InterimMeasuresGranted).Should().BeNull();
    }

    [Fact]
    public void Views_start_the_state_reply_only_when_they_find_a_violation()
    {
        var violation = Submission(views: new DateOnly(2026, 3, 2), result: SubmissionResult.ViolationFound);
        var none = Submission(views: new DateOnly(2026, 3, 2), result: SubmissionResult.NoViolation);

        Date(violation, TriggerEvent.ViolationFound).Should().Be(new DateOnly(2026, 3, 2));
        Date(none, TriggerEvent.ViolationFound).Should().BeNull();
    }

    [Fact]
    public void The_state_180_day_reply_is_counted_in_calendar_days_and_not_moved_off_a_weekend()
    {
        // No calendar for an international body: 2 March 2026 + 180 days is Saturday 29 August, and stays there.
        var arithmetic = DeadlineCalculator.Compute(new DateOnly(2026, 3, 2), 180, PeriodUnit.CalendarDays, calendar: null);

        arithmetic.DueOn.Should().Be(new DateOnly(2026, 8, 29));
        arithmetic.MovedOver.Should().BeEmpty();
    }

    [Fact]
    public void Comments_on_the_committee_request_take_the_month_end_when_the_day_is_missing()
    {
        var arithmetic = DeadlineCalculator.Compute(new DateOnly(2026, 12, 31), 2, PeriodUnit.Months, calendar: null);

        arithmetic.DueOn.Should().Be(new DateOnly(2027, 2, 28));
        arithmetic.MonthEnd.Should().BeTrue();
    }

    [Fact]
    public void The_check_of_the_committee_answer_counts_working_days_over_a_weekend()
    {
        // Requested on Friday 4 December 2026: two working days are Monday 7 and Tuesday 8.
        var arithmetic = DeadlineCalculator.Compute(new DateOnly(2026, 12, 4), 2, PeriodUnit.WorkingDays, calendar: null);

        arithmetic.DueOn.Should().Be(new DateOnly(2026, 12, 8));
    }

    [Fact]
    public void Follow_up_dates_are_checked()
    {
        var submitted = new DateOnly(2025, 1, 10);
        var views = new DateOnly(2026, 6, 1);

        FollowUp.Check(submitted, Today.AddDays(1), null, null, null, null, Today)
            .Should().ContainSingle(p => p.Field == "InterimMeasuresRequestedOn" && p.Rule == SubmissionRule.InFuture);
        FollowUp.Check(submitted, submitted.AddDays(-1), null, null, null, null, Today)
            .Should().ContainSingle(p => p.Field == "InterimMeasuresRequestedOn" && p.Rule == SubmissionRule.BeforeSubmission);
        FollowUp.Check(submitted, null, true, null, null, null, Today)
            .Should().ContainSingle(p => p.Field == "InterimMeasuresOn" && p.Rule == SubmissionRule.RequiredByResult);
        FollowUp.Check(submitted, null, null, null, views.AddDays(-1), views, Today)
            .Should().ContainSingle(p => p.Field == "FollowUpCommentsRequestedOn" && p.Rule == SubmissionRule.BeforeViews);
        FollowUp.Check(submitted, null, null, null, views, null, Today)
            .Should().ContainSingle(p => p.Field == "FollowUpCommentsRequestedOn" && p.Rule == SubmissionRule.BeforeViews, "no request for comments without views");
        FollowUp.Check(submitted, submitted, true, submitted.AddDays(3), views.AddDays(150), views, Today).Should().BeEmpty();
    }

    [Fact]
    public void Rounds_are_numbered_after_the_recorded_ones()
    {
        FollowUp.NextRound([]).Should().Be(1);
        FollowUp.NextRound([1, 2]).Should().Be(3);
    }

    [Fact]
    public void Only_granted_interim_measures_and_violations_have_a_follow_up()
    {
        FollowUp.HasFollowUp(Submission(granted: true, decision: Today)).Should().BeTrue();
        FollowUp.HasFollowUp(Submission(result: SubmissionResult.ViolationFound, views: Today)).Should().BeTrue();
        FollowUp.HasFollowUp(Submission(result: SubmissionResult.NoViolation, views: Today)).Should().BeFalse();
        FollowUp.HasFollowUp(Submission(granted: false, decision: Today)).Should().BeFalse();
    }

    private static DateOnly? Date(InternationalSubmission s, TriggerEvent trigger) => FollowUp.Events(s).Single(e => e.Event == trigger).Date;

    private static InternationalSubmission Submission(
        DateOnly? requested = null, DateOnly? decision = null, bool? granted = null, DateOnly? views = null, SubmissionResult result = SubmissionResult.Pending) =>
        new(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow)
        {
            SubmittedOn = new DateOnly(2025, 1, 10),
            InterimMeasuresRequestedOn = requested,
            InterimMeasuresOn = decision,
            InterimMeasuresGranted = granted,
            FinalDecisionOn = views,
            Result = result,
        };
}
