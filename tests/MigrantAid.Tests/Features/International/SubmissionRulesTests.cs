using MigrantAid.Web.Domain.International;

namespace MigrantAid.Tests.Features.International;

public class SubmissionRulesTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    private static IReadOnlyList<SubmissionProblem> Check(SubmissionDates dates, SubmissionResult result = SubmissionResult.Pending) =>
        InternationalSubmission.Check(dates, result, Today);

    [Fact]
    public void Dates_in_order_up_to_today_are_accepted()
    {
        Check(new(Today.AddDays(-60), Today.AddDays(-50), Today.AddDays(-55), Today.AddDays(-20), Today.AddDays(30), Today), SubmissionResult.ViolationFound)
            .Should().BeEmpty();
    }

    [Fact]
    public void Past_events_cannot_be_in_the_future_but_our_comments_may_be_due()
    {
        Check(new(Today.AddDays(1), Today.AddDays(2), Today.AddDays(2), Today.AddDays(3), Today.AddDays(40), Today.AddDays(4)))
            .Should().BeEquivalentTo(new[]
            {
                new SubmissionProblem("SubmittedOn", SubmissionRule.InFuture),
                new SubmissionProblem("RegisteredOn", SubmissionRule.InFuture),
                new SubmissionProblem("InterimMeasuresOn", SubmissionRule.InFuture),
                new SubmissionProblem("StateObservationsOn", SubmissionRule.InFuture),
                new SubmissionProblem("FinalDecisionOn", SubmissionRule.InFuture),
            });
    }

    [Fact]
    public void Nothing_happens_before_the_submission_and_observations_follow_registration()
    {
        Check(new(Today.AddDays(-10), Today.AddDays(-11), Today.AddDays(-12), Today.AddDays(-5), Today.AddDays(-20), Today.AddDays(-13)))
            .Should().BeEquivalentTo(new[]
            {
                new SubmissionProblem("RegisteredOn", SubmissionRule.BeforeSubmission),
                new SubmissionProblem("InterimMeasuresOn", SubmissionRule.BeforeSubmission),
                new SubmissionProblem("FinalDecisionOn", SubmissionRule.BeforeSubmission),
                new SubmissionProblem("CommentsDueOn", SubmissionRule.BeforeSubmission),
            });
        Check(new(Today.AddDays(-30), Today.AddDays(-10), null, Today.AddDays(-20), Today.AddDays(-25), Today.AddDays(-15)))
            .Should().BeEquivalentTo(new[]
            {
                new SubmissionProblem("StateObservationsOn", SubmissionRule.BeforeRegistration),
                new SubmissionProblem("FinalDecisionOn", SubmissionRule.BeforeRegistration),
                new SubmissionProblem("CommentsDueOn", SubmissionRule.BeforeStateObservations),
            });
    }

    [Theory]
    [InlineData(SubmissionResult.Registered, "RegisteredOn")]
    [InlineData(SubmissionResult.InterimMeasuresGranted, "InterimMeasuresOn")]
    [InlineData(SubmissionResult.InterimMeasuresRefused, "InterimMeasuresOn")]
    [InlineData(SubmissionResult.Inadmissible, "FinalDecisionOn")]
    [InlineData(SubmissionResult.ViolationFound, "FinalDecisionOn")]
    [InlineData(SubmissionResult.NoViolation, "FinalDecisionOn")]
    public void A_result_needs_the_date_of_the_event_it_reports(SubmissionResult result, string field)
    {
        Check(new(Today.AddDays(-10), null, null, null, null, null), result)
            .Should().ContainSingle().Which.Should().Be(new SubmissionProblem(field, SubmissionRule.RequiredByResult));
    }

    [Fact]
    public void The_latest_assessment_by_date_gives_the_status()
    {
        var r = new Recommendation(null, DateTimeOffset.UtcNow);
        r.Assess(Today.AddDays(-10), ImplementationStatus.PartiallyImplemented, null, Guid.NewGuid(), DateTimeOffset.UtcNow);
        r.Assess(Today.AddDays(-100), ImplementationStatus.NotImplemented, "older finding entered late", Guid.NewGuid(), DateTimeOffset.UtcNow);
        r.Status.Should().Be(ImplementationStatus.PartiallyImplemented);
        r.StatusOn.Should().Be(Today.AddDays(-10));
        r.Assess(Today, ImplementationStatus.Implemented, null, Guid.NewGuid(), DateTimeOffset.UtcNow);
        r.Status.Should().Be(ImplementationStatus.Implemented);
    }

    [Fact]
    public void Search_text_holds_both_languages_in_lower_case_with_yo_as_ye()
    {
        var r = new Recommendation(null, DateTimeOffset.UtcNow);
        r.SetText(" 140.12 ", "Abolish the QUOTA", "Отменить ЁЛКИ", "Philippines");
        r.SearchText.Should().Be("140.12 abolish the quota отменить елки philippines");
        r.Paragraph.Should().Be("140.12");
        Recommendation.SearchForm("ЁлКа").Should().Be("елка");
    }

    [Fact]
    public void Themes_are_replaced_not_duplicated()
    {
        var r = new Recommendation(null, DateTimeOffset.UtcNow);
        r.SetThemes([RecommendationTheme.Education, RecommendationTheme.Health, RecommendationTheme.Education]);
        r.SetThemes([RecommendationTheme.Health, RecommendationTheme.Quotas]);
        r.Themes.Select(t => t.Theme).Should().BeEquivalentTo([RecommendationTheme.Health, RecommendationTheme.Quotas]);
    }
}
