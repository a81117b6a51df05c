using System.Globalization;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>Dates read the same everywhere (issue 12, point 14): day first, month as a word, ISO accepted.</summary>
public class DateTextTests
{
    private static readonly DateOnly March2 = new(2026, 3, 2);

    /// <summary>The portal's cultures as PortalServices builds them: "en" with British dates, and "ru".</summary>
    private static CultureInfo Culture(string language)
    {
        var culture = new CultureInfo(language);
        if (language == "en")
        {
            culture.DateTimeFormat = (DateTimeFormatInfo)CultureInfo.GetCultureInfo("en-GB").DateTimeFormat.Clone();
        }

        return culture;
    }

    private static T In<T>(string language, Func<T> read)
    {
        var saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = Culture(language);
        try
        {
            return read();
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Theory]
    [InlineData("en", "2 Mar 2026", "02/03/2026")]
    [InlineData("ru", "2 марта 2026", "02.03.2026")]
    public void A_date_is_written_day_first_with_the_month_as_a_word_or_compact(string language, string longForm, string shortForm)
    {
        In(language, () => DateText.Long(March2)).Should().Be(longForm);
        In(language, () => DateText.Short(March2)).Should().Be(shortForm);
        In(language, () => DateText.Input(March2)).Should().Be(shortForm);
    }

    [Theory]
    [InlineData("en", "2 Mar 2026, 14:30", "02/03/2026 14:30")]
    [InlineData("ru", "2 марта 2026, 14:30", "02.03.2026 14:30")]
    public void A_time_is_written_day_first_on_a_24_hour_clock(string language, string longForm, string shortForm)
    {
        var local = new DateTime(2026, 3, 2, 14, 30, 0);
        In(language, () => DateText.Instant(local)).Should().Be(longForm);
        In(language, () => DateText.ShortInstant(local)).Should().Be(shortForm);
    }

    [Fact]
    public void No_date_reads_as_a_dash() => DateText.Long(null).Should().Be("—");

    [Theory]
    [InlineData("en", "02/03/2026")]
    [InlineData("en", "2/3/2026")]
    [InlineData("en", "2 Mar 2026")]
    [InlineData("en", "2 March 2026")]
    [InlineData("en", " 02.03.2026 ")]
    [InlineData("en", "2026-03-02")]
    [InlineData("ru", "02.03.2026")]
    [InlineData("ru", "2.3.2026")]
    [InlineData("ru", "02/03/2026")]
    [InlineData("ru", "2 марта 2026")]
    [InlineData("ru", "2026-03-02")]
    public void A_date_typed_in_the_users_language_or_as_ISO_is_read_day_first(string language, string typed)
    {
        var read = In(language, () => (DateText.TryParse(typed, out DateOnly date), date));
        read.Should().Be((true, March2));
    }

    [Theory]
    [InlineData("en", "03/02/2026", 2026, 2, 3)]
    [InlineData("ru", "03.02.2026", 2026, 2, 3)]
    public void A_numeric_date_is_never_read_month_first(string language, string typed, int year, int month, int day)
    {
        In(language, () => (DateText.TryParse(typed, out DateOnly date), date)).Should().Be((true, new DateOnly(year, month, day)));
    }

    [Theory]
    [InlineData("en", "")]
    [InlineData("en", "tomorrow")]
    [InlineData("en", "31/02/2026")]
    [InlineData("en", "13/13/2026")]
    [InlineData("en", "2026-13-01")]
    [InlineData("ru", "32.01.2026")]
    [InlineData("ru", "02.03")]
    public void An_unreadable_date_is_refused(string language, string typed)
    {
        In(language, () => DateText.TryParse(typed, out DateOnly _)).Should().BeFalse();
    }

    [Theory]
    [InlineData("en", "02/03/2026 14:30")]
    [InlineData("en", "2/3/2026 9:05")]
    [InlineData("en", "2026-03-02T14:30")]
    [InlineData("ru", "02.03.2026 14:30")]
    [InlineData("ru", "2026-03-02T14:30")]
    public void A_date_and_time_is_read_in_the_users_form_or_as_ISO(string language, string typed)
    {
        var read = In(language, () => (DateText.TryParse(typed, out DateTime local), local));
        read.Item1.Should().BeTrue();
        read.Item2.Date.Should().Be(new DateTime(2026, 3, 2));
    }

    [Theory]
    [InlineData("en", "2026-03-02", false, "02/03/2026")]
    [InlineData("ru", "2026-03-02", false, "02.03.2026")]
    [InlineData("ru", "2026-03-02T14:30", true, "02.03.2026 14:30")]
    [InlineData("en", "not a date", false, "not a date")]
    public void A_date_field_shows_an_ISO_value_in_the_users_form_and_keeps_what_was_typed(string language, string value, bool withTime, string shown)
    {
        In(language, () => DateInputTagHelper.Shown(value, withTime)).Should().Be(shown);
    }
}
