using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Domain;

public class DuplicateScoringTests
{
    [Fact]
    public void The_same_date_of_birth_adds_most()
    {
        var date = new DateOnly(1991, 5, 2);

        var sameDate = DuplicateScoring.Score(0.6, date, null, date, null);
        var sameYear = DuplicateScoring.Score(0.6, date, null, new DateOnly(1991, 9, 9), null);

        sameDate.Should().BeApproximately(0.85, 1e-9);
        sameYear.Should().BeApproximately(0.75, 1e-9);
    }

    [Theory]
    [InlineData(1991, 0.75)]
    [InlineData(1990, 0.68)]
    [InlineData(1993, 0.63)]
    [InlineData(1996, 0.60)]
    [InlineData(1997, 0.40)]
    [InlineData(1960, 0.40)]
    public void A_closer_birth_year_ranks_higher_and_a_far_one_lower(int candidateYear, double expected)
    {
        DuplicateScoring.Score(0.6, null, 1991, null, candidateYear).Should().BeApproximately(expected, 1e-9);
    }

    [Fact]
    public void An_approximate_year_is_compared_with_an_exact_date()
    {
        DuplicateScoring.Score(0.5, null, 1988, new DateOnly(1988, 12, 31), null).Should().BeApproximately(0.65, 1e-9);
        DuplicateScoring.Score(0.5, new DateOnly(1988, 1, 1), null, null, 1989).Should().BeApproximately(0.58, 1e-9);
    }

    [Fact]
    public void Without_a_birth_on_either_side_the_name_alone_counts()
    {
        DuplicateScoring.Score(0.7, null, null, null, 1980).Should().BeApproximately(0.7, 1e-9);
        DuplicateScoring.Score(0.7, null, 1980, null, null).Should().BeApproximately(0.7, 1e-9);
    }

    [Fact]
    public void The_score_stays_between_zero_and_one()
    {
        DuplicateScoring.Score(1.0, new DateOnly(1990, 1, 1), null, new DateOnly(1990, 1, 1), null).Should().Be(1.0);
        DuplicateScoring.Score(0.1, null, 2000, null, 1950).Should().Be(0.0);
    }

    [Fact]
    public void A_namesake_born_decades_apart_falls_below_the_threshold()
    {
        DuplicateScoring.Score(0.5, null, 1991, null, 1960).Should().BeLessThan(DuplicateScoring.Threshold);
        DuplicateScoring.Score(0.5, null, 1991, null, 1990).Should().BeGreaterThan(DuplicateScoring.Threshold);
    }
}
