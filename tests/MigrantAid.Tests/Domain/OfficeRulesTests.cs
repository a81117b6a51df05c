using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Domain;

public class OfficeRulesTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static Office AnOffice() => new("Moscow Centre", "Moscow", "RU", "Europe/Moscow", Now);

    [Theory]
    [InlineData("XX")]
    [InlineData("ru")]
    [InlineData("")]
    public void Unknown_country_is_rejected(string country)
    {
        var create = () => new Office("Office", "City", country, "Europe/Moscow", Now);

        create.Should().Throw<ArgumentException>().WithParameterName("countryCode");
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("America/New_York")]
    [InlineData("")]
    public void Unknown_or_not_offered_time_zone_is_rejected(string zone)
    {
        var office = AnOffice();

        var update = () => office.Update("Office", "City", "RU", zone, Now);

        update.Should().Throw<ArgumentException>().WithParameterName("timeZoneId");
        office.TimeZoneId.Should().Be("Europe/Moscow", "a refused update changes nothing");
    }

    [Fact]
    public void Blank_or_too_long_name_and_city_are_rejected()
    {
        var longName = new string('n', Office.NameMaxLength + 1);
        var longCity = new string('c', Office.CityMaxLength + 1);

        FluentActions.Invoking(() => new Office(" ", "City", "RU", "UTC", Now)).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => new Office(longName, "City", "RU", "UTC", Now)).Should().Throw<ArgumentException>().WithParameterName("name");
        FluentActions.Invoking(() => new Office("Office", "", "RU", "UTC", Now)).Should().Throw<ArgumentException>().WithParameterName("city");
        FluentActions.Invoking(() => new Office("Office", longCity, "RU", "UTC", Now)).Should().Throw<ArgumentException>().WithParameterName("city");
    }

    [Fact]
    public void Name_and_city_are_stored_trimmed()
    {
        var office = new Office("  Bishkek Office ", " Bishkek ", "KG", "Asia/Bishkek", Now);

        office.Name.Should().Be("Bishkek Office");
        office.City.Should().Be("Bishkek");
    }

    [Fact]
    public void Differences_lists_changed_fields_only_with_old_and_new_values()
    {
        var office = AnOffice();

        var changes = office.Differences(" Moscow Centre ", "Podolsk", "RU", "Europe/Samara");

        changes.Keys.Should().BeEquivalentTo(nameof(Office.City), nameof(Office.TimeZoneId));
        changes[nameof(Office.City)].Should().Equal("Moscow", "Podolsk");
        changes[nameof(Office.TimeZoneId)].Should().Equal("Europe/Moscow", "Europe/Samara");
    }

    [Fact]
    public void Differences_are_empty_when_nothing_changes()
    {
        AnOffice().Differences("Moscow Centre", "Moscow", "RU", "Europe/Moscow").Should().BeEmpty();
    }

    [Fact]
    public void Update_sets_the_new_values_and_the_time()
    {
        var office = AnOffice();
        var later = Now.AddDays(1);

        office.Update("Tashkent Office", "Tashkent", "UZ", "Asia/Tashkent", later);

        office.Name.Should().Be("Tashkent Office");
        office.CountryCode.Should().Be("UZ");
        office.TimeZoneId.Should().Be("Asia/Tashkent");
        office.UpdatedAt.Should().Be(later);
        office.CreatedAt.Should().Be(Now);
    }
}
