using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>Its own database (class fixture): the example counts the whole organisation.</summary>
public class SeparatedChildrenExampleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_example_counts_children_deported_separately_in_2025_by_country()
    {
        await portal.CreateUserAsync("stat-example@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var child = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10);
        var adult = new DateOnly(1985, 1, 1);
        string[] separated = ["detention.child-separated"];
        var specs = new List<StatCaseSpec>();
        specs.AddRange(Enumerable.Range(0, 7).Select(i => new StatCaseSpec("UZ", i % 2 == 0 ? Sex.Female : Sex.Male, child, "RU", separated, 2025)));
        specs.AddRange(Enumerable.Range(0, 5).Select(i => new StatCaseSpec("TJ", Sex.Male, child, "KZ", [.. separated, "children.family-separation"], 2025)));
        specs.AddRange(Enumerable.Range(0, 2).Select(i => new StatCaseSpec("KG", Sex.Female, child, "KG", separated, 2025)));
        // Not counted: an adult, a child in 2024, a child in another category.
        specs.Add(new StatCaseSpec("UZ", Sex.Male, adult, "RU", separated, 2025));
        specs.Add(new StatCaseSpec("UZ", Sex.Male, child, "RU", separated, 2024));
        specs.Add(new StatCaseSpec("UZ", Sex.Male, child, "RU", ["children.school-access"], 2025));
        await StatCases.SeedAsync(portal, office, specs);
        var client = await portal.SignedInClientAsync("stat-example@test.local");

        var statistics = await client.GetDocumentAsync("/statistics");
        var link = statistics.QuerySelector("[data-testid=example-separated-children]")!.GetAttribute("href")!;
        var shown = StatisticsTable.Read(await client.GetDocumentAsync(link));

        var category = await portal.WithDbAsync(db => Task.FromResult(db.ComplaintCategories.Single(c => c.Code == "detention.child-separated").Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var counted = (await StatisticsTable.ValuesAsync(portal, office.Id))
            .Where(v => v[StatisticsDimension.Category].Contains(category) && v[StatisticsDimension.Year].Contains("2025") && v[StatisticsDimension.AgeGroup].Contains(StatisticsDimensions.Child))
            .ToList();
        counted.Should().HaveCount(14);
        StatisticsTable.ShouldMatch(shown, StatisticsTable.Recount(counted, StatisticsDimension.Country, null), withColumns: false);
        shown[("RU", "*")].Should().Be("7");
        shown[("KG", "*")].Should().Be("<5");
        shown[("KZ", "*")].Should().Be("x", "5 is hidden too: 14 - 7 would give the Kyrgyz 2 away");
        shown[("*", "*")].Should().Be("14");
    }
}
