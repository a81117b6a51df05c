using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>Issue 12 point 6: the principal client's situation is a statistics dimension, suppressed like every other.</summary>
public class SituationStatisticsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Situation_counts_equal_an_independent_recount_with_small_counts_hidden_and_follow_a_change_on_the_client()
    {
        await portal.CreateUserAsync("stat-situation@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var specs = Enumerable.Range(0, 16).Select(i => new StatCaseSpec("UZ", Sex.Male, new DateOnly(1990, 1, 1), "RU", ["labour.unpaid-wages"], i % 2 == 0 ? 2024 : 2025)).ToList();
        var built = await StatCases.SeedAsync(portal, office, specs);
        // 7 undocumented, 5 separated children, 2 both, 2 neither: set on the clients, as a caseworker's edit would.
        Vulnerability Flags(int i) => i < 7 ? Vulnerability.Undocumented : i < 12 ? Vulnerability.SeparatedChild : i < 14 ? Vulnerability.Undocumented | Vulnerability.SeparatedChild : Vulnerability.None;
        await SetFlagsAsync(built.Select((c, i) => (c.ClientId, Flags(i))));
        var client = await portal.SignedInClientAsync("stat-situation@test.local");

        var cases = await StatisticsTable.ValuesAsync(portal, office.Id);
        foreach (var (rows, cols) in new (StatisticsDimension, StatisticsDimension?)[] { (StatisticsDimension.Situation, null), (StatisticsDimension.Situation, StatisticsDimension.Year) })
        {
            var page = await client.GetDocumentAsync($"/statistics?rows=situation&cols={(cols is { } c ? StatisticsDimensions.Key(c) : "")}&office={office.Id}");
            StatisticsTable.ShouldMatch(StatisticsTable.Read(page), StatisticsTable.Recount(cases, rows, cols), cols is not null);
        }

        var byRow = StatisticsTable.Read(await client.GetDocumentAsync($"/statistics?rows=situation&office={office.Id}"));
        byRow[("1", "*")].Should().Be("7");
        byRow[("2", "*")].Should().Be("5");
        byRow[("3", "*")].Should().Be("<5");
        var labels = (await client.GetDocumentAsync($"/statistics?rows=situation&office={office.Id}"))
            .QuerySelectorAll("[data-testid=statistics-row] th").Select(h => h.TextContent.Trim()).ToList();
        labels.Should().Contain(["No identity documents", "Separated child"]);

        // The filter keeps one situation; a change on a client moves its case at once (the database keeps case_facts).
        var filtered = StatisticsTable.Read(await client.GetDocumentAsync($"/statistics?rows=year&office={office.Id}&situation=undocumented"));
        filtered[("*", "*")].Should().Be("7");
        await SetFlagsAsync([(built[14].ClientId, Vulnerability.Undocumented), (built[15].ClientId, Vulnerability.Undocumented)]);
        filtered = StatisticsTable.Read(await client.GetDocumentAsync($"/statistics?rows=year&office={office.Id}&situation=undocumented"));
        filtered[("*", "*")].Should().Be("9");

        var bad = await client.GetDocumentAsync($"/statistics?rows=situation&office={office.Id}&situation=stateless");
        bad.QuerySelector("#stat-situation")!.ClassList.Should().Contain("is-invalid");
    }

    private Task SetFlagsAsync(IEnumerable<(Guid ClientId, Vulnerability Flags)> flags) =>
        portal.WithDbAsync(async db =>
        {
            foreach (var (id, value) in flags)
            {
                (await db.Clients.SingleAsync(c => c.Id == id)).Vulnerabilities = value;
            }

            return await db.SaveChangesAsync();
        });
}
