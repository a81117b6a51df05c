using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Tests.Domain;

/// <summary>
/// The rule arithmetic of issue point 6: month ends, weekends and holidays that push a date, runs of
/// holidays, leap years, working-day periods, a worked Saturday, and forums without a calendar.
/// </summary>
public class DeadlineCalculatorTests
{
    /// <summary>Russia's non-working days around 2026 as the government set them (decree of 24 September 2025 No. 1466).</summary>
    private static readonly WorkingCalendar Russia = new("RU",
    [
        Holiday(2025, 12, 31, "Day off moved from 5 January"),
        .. Enumerable.Range(1, 8).Select(d => Holiday(2026, 1, d, d == 7 ? "Christmas" : "New Year holidays")),
        Holiday(2026, 1, 9, "Day off moved from 3 January"),
        Holiday(2026, 2, 23, "Defender of the Fatherland Day"),
        Holiday(2026, 3, 8, "International Women's Day"),
        Holiday(2026, 3, 9, "Day off moved from 8 March"),
        Holiday(2026, 5, 1, "Spring and Labour Day"),
        Holiday(2026, 5, 9, "Victory Day"),
        Holiday(2026, 5, 11, "Day off moved from 9 May"),
        Holiday(2026, 6, 12, "Russia Day"),
        Holiday(2026, 11, 4, "Unity Day"),
        Holiday(2026, 12, 31, "Day off moved from 4 January"),
        .. Enumerable.Range(1, 8).Select(d => Holiday(2027, 1, d, d == 7 ? "Christmas" : "New Year holidays")),
    ],
    [2025, 2026, 2027]);

    /// <summary>A calendar in which Saturday 13 November 2027 is worked and Friday 5 November is off (a transfer of days).</summary>
    private static readonly WorkingCalendar WithWorkedSaturday = new("RU",
    [
        Holiday(2027, 11, 4, "Unity Day"),
        Holiday(2027, 11, 5, "Day off moved from 13 November"),
        new CalendarException(new DateOnly(2027, 11, 13), CalendarDayKind.WorkingDay, "Worked Saturday"),
    ],
    [2027]);

    [Fact]
    public void Period_in_days_runs_from_the_day_after_the_event()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 1, 19), 1, PeriodUnit.CalendarDays, Russia);

        result.CountFrom.Should().Be(new DateOnly(2026, 1, 20));
        result.DueOn.Should().Be(new DateOnly(2026, 1, 20), "one day after a Monday event is the Tuesday, not the Monday itself");
    }

    [Fact]
    public void Ten_days_from_a_decision_received_on_a_Wednesday()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 4, 1), 10, PeriodUnit.CalendarDays, Russia);

        result.PeriodEnd.Should().Be(new DateOnly(2026, 4, 11));
        result.DueOn.Should().Be(new DateOnly(2026, 4, 13), "11 April 2026 is a Saturday: the deadline moves to Monday");
        result.MovedOver.Should().Equal(
            new SkippedDay(new DateOnly(2026, 4, 11), NonWorkingReason.Weekend, null),
            new SkippedDay(new DateOnly(2026, 4, 12), NonWorkingReason.Weekend, null));
    }

    [Fact]
    public void Period_ending_on_a_working_day_is_not_moved()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 3, 15), 1, PeriodUnit.Months, Russia);

        result.DueOn.Should().Be(new DateOnly(2026, 4, 15));
        result.MonthEnd.Should().BeFalse();
        result.MovedOver.Should().BeEmpty();
    }

    [Theory]
    [InlineData("2026-01-31", 1, "2026-02-28")]
    [InlineData("2026-01-30", 1, "2026-02-28")]
    [InlineData("2026-03-31", 1, "2026-04-30")]
    [InlineData("2026-08-31", 3, "2026-11-30")]
    [InlineData("2028-01-31", 1, "2028-02-29")]
    [InlineData("2026-12-31", 2, "2027-02-28")]
    public void Month_without_the_day_ends_on_its_last_day(string trigger, int months, string expected)
    {
        var result = DeadlineCalculator.Compute(DateOnly.Parse(trigger, System.Globalization.CultureInfo.InvariantCulture), months, PeriodUnit.Months, null);

        result.PeriodEnd.Should().Be(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
        result.MonthEnd.Should().BeTrue();
    }

    [Fact]
    public void Thirty_first_January_plus_a_month_is_the_end_of_February_then_the_next_working_day()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 1, 31), 1, PeriodUnit.Months, Russia);

        result.PeriodEnd.Should().Be(new DateOnly(2026, 2, 28), "2026 is not a leap year");
        result.MonthEnd.Should().BeTrue();
        result.DueOn.Should().Be(new DateOnly(2026, 3, 2), "28 February 2026 is a Saturday");
    }

    [Fact]
    public void Leap_year_February_has_its_twenty_ninth()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2028, 1, 31), 1, PeriodUnit.Months, null);

        result.DueOn.Should().Be(new DateOnly(2028, 2, 29));
        result.MonthEnd.Should().BeTrue();
    }

    [Fact]
    public void Twenty_ninth_February_plus_a_year_is_the_twenty_eighth()
    {
        var oneYear = DeadlineCalculator.Compute(new DateOnly(2024, 2, 29), 1, PeriodUnit.Years, null);
        var fourYears = DeadlineCalculator.Compute(new DateOnly(2024, 2, 29), 4, PeriodUnit.Years, null);

        oneYear.DueOn.Should().Be(new DateOnly(2025, 2, 28));
        oneYear.MonthEnd.Should().BeTrue();
        fourYears.DueOn.Should().Be(new DateOnly(2028, 2, 29), "2028 is a leap year again");
        fourYears.MonthEnd.Should().BeFalse();
    }

    [Fact]
    public void Last_day_in_the_New_Year_holidays_moves_over_the_whole_run()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2025, 12, 22), 10, PeriodUnit.CalendarDays, Russia);

        result.PeriodEnd.Should().Be(new DateOnly(2026, 1, 1));
        result.DueOn.Should().Be(new DateOnly(2026, 1, 12), "1–9 January 2026 are holidays and 10–11 January a weekend");
        result.MovedOver.Select(d => d.Date.Day).Should().Equal(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        result.MovedOver.Where(d => d.Reason == NonWorkingReason.Holiday).Should().HaveCount(9);
        result.MovedOver.Should().Contain(new SkippedDay(new DateOnly(2026, 1, 7), NonWorkingReason.Holiday, "Christmas"));
    }

    [Fact]
    public void Holiday_on_a_Sunday_with_its_transferred_Monday_pushes_to_Tuesday()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 2, 26), 10, PeriodUnit.CalendarDays, Russia);

        result.PeriodEnd.Should().Be(new DateOnly(2026, 3, 8));
        result.DueOn.Should().Be(new DateOnly(2026, 3, 10));
        result.MovedOver.Should().Equal(
            new SkippedDay(new DateOnly(2026, 3, 8), NonWorkingReason.Holiday, "International Women's Day"),
            new SkippedDay(new DateOnly(2026, 3, 9), NonWorkingReason.Holiday, "Day off moved from 8 March"));
    }

    [Fact]
    public void Months_ending_on_a_year_end_holiday_move_into_the_next_year()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 10, 31), 2, PeriodUnit.Months, Russia);

        result.PeriodEnd.Should().Be(new DateOnly(2026, 12, 31));
        result.DueOn.Should().Be(new DateOnly(2027, 1, 11), "31 December 2026 and 1–8 January 2027 are off, 9–10 January a weekend");
    }

    [Fact]
    public void Working_day_period_counts_only_working_days_across_the_holidays()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2025, 12, 30), 5, PeriodUnit.WorkingDays, Russia);

        result.DueOn.Should().Be(new DateOnly(2026, 1, 16), "31 December and 1–11 January are not counted: 12–16 January are the five working days");
        result.PeriodEnd.Should().Be(result.DueOn);
        result.NotCounted.Should().HaveCount(12);
        result.NotCounted.Select(d => d.Date).Should().StartWith(new DateOnly(2025, 12, 31)).And.EndWith(new DateOnly(2026, 1, 11));
        result.MovedOver.Should().BeEmpty("the last counted day is always a working day");
    }

    [Fact]
    public void Working_day_period_skips_weekends()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 4, 16), 5, PeriodUnit.WorkingDays, Russia);

        result.DueOn.Should().Be(new DateOnly(2026, 4, 23), "Fri 17, Mon 20, Tue 21, Wed 22, Thu 23");
        result.NotCounted.Select(d => d.Reason).Should().Equal(NonWorkingReason.Weekend, NonWorkingReason.Weekend);
    }

    [Fact]
    public void Worked_Saturday_counts_as_a_working_day()
    {
        var counted = DeadlineCalculator.Compute(new DateOnly(2027, 11, 11), 3, PeriodUnit.WorkingDays, WithWorkedSaturday);
        var endingOnIt = DeadlineCalculator.Compute(new DateOnly(2027, 11, 11), 2, PeriodUnit.CalendarDays, WithWorkedSaturday);
        var plainWeek = DeadlineCalculator.Compute(new DateOnly(2027, 11, 11), 3, PeriodUnit.WorkingDays, new WorkingCalendar("RU", [], [2027]));

        counted.DueOn.Should().Be(new DateOnly(2027, 11, 15), "Fri 12, the worked Sat 13 and Mon 15 are the three working days");
        counted.NotCounted.Select(d => d.Date).Should().Equal(new DateOnly(2027, 11, 14));
        endingOnIt.DueOn.Should().Be(new DateOnly(2027, 11, 13), "a period ending on a worked Saturday is not moved");
        endingOnIt.MovedOver.Should().BeEmpty();
        plainWeek.DueOn.Should().Be(new DateOnly(2027, 11, 16), "without the transfer: Fri 12, Mon 15, Tue 16");
    }

    [Fact]
    public void Without_a_calendar_the_date_is_never_moved()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 1, 4), 6, PeriodUnit.Months, null);

        result.DueOn.Should().Be(new DateOnly(2026, 7, 4), "a Saturday, but international bodies do not move time limits");
        result.Calendar.Should().BeNull();
        result.MovedOver.Should().BeEmpty();
        result.YearsWithoutCalendar.Should().BeEmpty();
    }

    [Fact]
    public void Working_days_without_a_calendar_skip_weekends_only()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2026, 1, 1), 2, PeriodUnit.WorkingDays, null);

        result.DueOn.Should().Be(new DateOnly(2026, 1, 5), "Fri 2 January and Mon 5 January");
        result.Calendar.Should().BeNull();
    }

    [Fact]
    public void Years_without_recorded_holidays_are_reported()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2027, 12, 20), 1, PeriodUnit.Months, Russia);

        result.YearsWithoutCalendar.Should().Equal(2028);
        result.DueOn.Should().Be(new DateOnly(2028, 1, 20), "only the weekend is known for 2028, and 20 January 2028 is a Thursday");
    }

    [Fact]
    public void Only_the_years_that_matter_need_a_calendar()
    {
        var russia2026Only = new WorkingCalendar("RU", [Holiday(2026, 1, 1, "New Year holidays")], [2026]);

        DeadlineCalculator.Compute(new DateOnly(2025, 12, 22), 10, PeriodUnit.CalendarDays, russia2026Only)
            .YearsWithoutCalendar.Should().BeEmpty("a period in days that ends in 2026 depends only on 2026's days");
        DeadlineCalculator.Compute(new DateOnly(2025, 12, 22), 10, PeriodUnit.WorkingDays, russia2026Only)
            .YearsWithoutCalendar.Should().Equal([2025], "working days are counted through the end of 2025");
    }

    [Fact]
    public void Arithmetic_survives_the_round_trip_through_json()
    {
        var result = DeadlineCalculator.Compute(new DateOnly(2025, 12, 22), 10, PeriodUnit.CalendarDays, Russia);

        var json = result.ToJson();
        var read = DeadlineArithmetic.FromJson(json)!;

        json.Should().Contain("\"dueOn\":\"2026-01-12\"").And.Contain("\"unit\":\"CalendarDays\"").And.Contain("\"Holiday\"");
        read.DueOn.Should().Be(result.DueOn);
        read.MovedOver.Should().Equal(result.MovedOver);
        read.Calendar.Should().Be("RU");
        DeadlineArithmetic.FromJson("not json").Should().BeNull();
        DeadlineArithmetic.FromJson(null).Should().BeNull();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(DeadlineCalculator.MaxPeriod + 1)]
    public void Period_out_of_range_is_refused(int period)
    {
        var compute = () => DeadlineCalculator.Compute(new DateOnly(2026, 1, 1), period, PeriodUnit.CalendarDays, null);

        compute.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static CalendarException Holiday(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), CalendarDayKind.Holiday, name);
}
