using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases.Proceedings;

namespace MigrantAid.Tests.Features.Cases.Proceedings;

public class ProceedingRulesTests
{
    private static readonly DateOnly Day = new(2026, 3, 2);

    private static ProceedingLink Link(CourtInstance instance, Guid? challenges = null, string country = "RU", int day = 0) =>
        new(Guid.NewGuid(), challenges, instance, country, Day.AddDays(day));

    [Fact]
    public void Appeal_may_challenge_a_first_instance_proceeding_of_the_same_case_and_country()
    {
        var first = Link(CourtInstance.FirstInstance);
        var appeal = Link(CourtInstance.Appeal, first.Id, day: 12);

        ProceedingRules.CheckChallenge(appeal, first.Id, [first]).Should().Be(ChallengeProblem.None);
    }

    [Theory]
    [InlineData(CourtInstance.Appeal, CourtInstance.Appeal, ChallengeProblem.NotLowerInstance)]
    [InlineData(CourtInstance.Appeal, CourtInstance.Cassation, ChallengeProblem.NotLowerInstance)]
    [InlineData(CourtInstance.FirstInstance, CourtInstance.FirstInstance, ChallengeProblem.FirstInstanceChallenges)]
    [InlineData(CourtInstance.Cassation, CourtInstance.FirstInstance, ChallengeProblem.None)]
    [InlineData(CourtInstance.Constitutional, CourtInstance.Supervisory, ChallengeProblem.None)]
    public void A_challenge_must_go_to_a_higher_instance(CourtInstance instance, CourtInstance challengedInstance, ChallengeProblem expected)
    {
        var challenged = Link(challengedInstance);
        ProceedingRules.CheckChallenge(Link(instance, challenged.Id, day: 5), challenged.Id, [challenged]).Should().Be(expected);
    }

    [Fact]
    public void Challenge_outside_the_case_of_itself_abroad_or_opened_earlier_is_refused()
    {
        var first = Link(CourtInstance.FirstInstance, day: 10);
        var appeal = Link(CourtInstance.Appeal, day: 20);

        ProceedingRules.CheckChallenge(appeal, Guid.NewGuid(), [first]).Should().Be(ChallengeProblem.NotOnCase);
        ProceedingRules.CheckChallenge(appeal, appeal.Id, [first, appeal]).Should().Be(ChallengeProblem.Itself);
        ProceedingRules.CheckChallenge(appeal with { Jurisdiction = "KZ" }, first.Id, [first]).Should().Be(ChallengeProblem.OtherCountry);
        ProceedingRules.CheckChallenge(appeal with { OpenedOn = Day }, first.Id, [first]).Should().Be(ChallengeProblem.OpensBeforeChallenged);
    }

    [Fact]
    public void Lowering_the_instance_below_a_challenger_is_refused()
    {
        var appeal = Link(CourtInstance.Appeal);
        var cassation = Link(CourtInstance.Cassation, appeal.Id, day: 30);

        ProceedingRules.CheckChallengers(appeal, [appeal, cassation]).Should().Be(ChallengeProblem.None);
        ProceedingRules.CheckChallengers(appeal with { Instance = CourtInstance.Supervisory }, [appeal, cassation]).Should().Be(ChallengeProblem.NotLowerInstance);
        ProceedingRules.CheckChallengers(appeal with { OpenedOn = Day.AddDays(31) }, [appeal, cassation]).Should().Be(ChallengeProblem.OpensBeforeChallenged);
    }

    [Fact]
    public void Chains_read_from_the_first_instance_down_and_keep_unrelated_proceedings_apart()
    {
        var first = Link(CourtInstance.FirstInstance);
        var cassation = Link(CourtInstance.Cassation, day: 90);
        var appeal = Link(CourtInstance.Appeal, first.Id, day: 30);
        cassation = cassation with { ChallengesId = appeal.Id };
        var other = Link(CourtInstance.FirstInstance, day: 60);
        var orphan = Link(CourtInstance.Appeal, Guid.NewGuid(), day: 1);

        var chains = ProceedingRules.Chains([cassation, other, appeal, orphan, first], p => p);

        chains.Select(c => c.Select(x => (x.Item.Id, x.Level)).ToList()).Should().BeEquivalentTo(
            new[]
            {
                new List<(Guid, int)> { (first.Id, 0), (appeal.Id, 1), (cassation.Id, 2) },
                new List<(Guid, int)> { (orphan.Id, 0) },
                new List<(Guid, int)> { (other.Id, 0) },
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void Chains_show_proceedings_stored_in_a_circle_once_each()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var chains = ProceedingRules.Chains(
            [new ProceedingLink(a, b, CourtInstance.Appeal, "RU", Day), new ProceedingLink(b, a, CourtInstance.Cassation, "RU", Day.AddDays(1))], p => p);

        chains.SelectMany(c => c).Select(x => x.Item.Id).Should().BeEquivalentTo([a, b]);
    }

    [Fact]
    public void Local_time_becomes_the_instant_of_the_office_zone()
    {
        var almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
        LocalTimes.ToInstant(new DateTime(2026, 1, 31, 23, 30, 0), almaty).Should().Be(new DateTimeOffset(2026, 1, 31, 18, 30, 0, TimeSpan.Zero));

        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        LocalTimes.ToInstant(new DateTime(2026, 3, 29, 2, 30, 0), berlin).Should().BeNull("the clocks jump from 02:00 to 03:00");
        LocalTimes.ToInstant(new DateTime(2026, 10, 25, 2, 30, 0), berlin).Should()
            .Be(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), "an hour that happens twice is taken the first time (summer time)");
    }
}
