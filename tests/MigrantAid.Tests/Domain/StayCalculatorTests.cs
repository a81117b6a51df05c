using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Tests.Domain;

public class StayCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 3, 15);

    private static StayCalculator.Result Calculate(params (DateOnly Entry, DateOnly? Exit)[] stays) => StayCalculator.Calculate(stays, Today);

    [Fact]
    public void Entered_90_days_ago_counting_today_and_still_in_the_last_legal_day_is_today()
    {
        var result = Calculate((Today.AddDays(-89), null));

        result.DaysUsed.Should().Be(90);
        result.Overstay.Should().BeFalse();
        result.LastLegalDay.Should().Be(Today);
    }

    [Fact]
    public void A_fresh_entry_may_stay_90_days_counting_the_entry_day()
    {
        var result = Calculate((Today, null));

        result.DaysUsed.Should().Be(1);
        result.LastLegalDay.Should().Be(Today.AddDays(89));
        result.WindowStart.Should().Be(Today.AddDays(-179));
    }

    [Fact]
    public void Staying_past_90_days_is_an_overstay_with_the_day_the_limit_was_reached()
    {
        var result = Calculate((Today.AddDays(-99), null));

        result.DaysUsed.Should().Be(100);
        result.Overstay.Should().BeTrue();
        result.DaysOver.Should().Be(10);
        result.LastLegalDay.Should().Be(Today.AddDays(-10));
    }

    [Fact]
    public void Two_stays_in_the_window_add_up()
    {
        // 30 days (both ends count), out, then back 20 days ago: 30 + 21 = 51 days used.
        var result = Calculate((Today.AddDays(-100), Today.AddDays(-71)), (Today.AddDays(-20), null));

        result.DaysUsed.Should().Be(51);
        result.Overstay.Should().BeFalse();

        // Projected forward, the first stay's days leave the window as the new ones are added: stays until the
        // 90-day sum is reached and then one day more would break the rule.
        result.LastLegalDay.Should().HaveValue("the person is still in the country and within the limit");
        var last = result.LastLegalDay!.Value;
        StayCalculator.Calculate([(Today.AddDays(-100), Today.AddDays(-71)), (Today.AddDays(-20), last)], last).DaysUsed.Should().Be(90);
        StayCalculator.Calculate([(Today.AddDays(-100), Today.AddDays(-71)), (Today.AddDays(-20), last.AddDays(1))], last.AddDays(1)).Overstay.Should().BeTrue();
    }

    [Fact]
    public void After_the_exit_there_is_no_last_legal_day_and_the_days_still_count()
    {
        var result = Calculate((Today.AddDays(-60), Today.AddDays(-11)));

        result.DaysUsed.Should().Be(50);
        result.LastLegalDay.Should().BeNull();
        result.Overstay.Should().BeFalse();
    }

    [Fact]
    public void A_past_overstay_is_reported_while_its_days_are_in_the_window()
    {
        var result = Calculate((Today.AddDays(-150), Today.AddDays(-50)));

        result.DaysUsed.Should().Be(101);
        result.Overstay.Should().BeTrue();
        result.LastLegalDay.Should().BeNull("the person has left");
    }

    [Fact]
    public void Days_before_the_180_day_window_do_not_count()
    {
        // The window is today and the 179 days before it.
        Calculate((Today.AddDays(-180), Today.AddDays(-180))).DaysUsed.Should().Be(0);
        Calculate((Today.AddDays(-179), Today.AddDays(-179))).DaysUsed.Should().Be(1);
        Calculate((Today.AddDays(-300), Today.AddDays(-170))).DaysUsed.Should().Be(10);
    }

    [Fact]
    public void Overlapping_records_of_the_same_days_count_once()
    {
        Calculate((Today.AddDays(-30), Today.AddDays(-21)), (Today.AddDays(-25), Today.AddDays(-16))).DaysUsed.Should().Be(15);
    }

    [Fact]
    public void Nothing_recorded_means_nothing_used()
    {
        var result = Calculate();

        result.DaysUsed.Should().Be(0);
        result.LastLegalDay.Should().BeNull();
        result.Overstay.Should().BeFalse();
    }
}
