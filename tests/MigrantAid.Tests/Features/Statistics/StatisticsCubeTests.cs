using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>
/// Issue 14 point 2: the statistics read the pre-aggregate statistics_cube (migration 0027). Its triggers
/// keep it equal to a full rebuild through every kind of change, and every table it gives equals the one
/// the query over case_facts gave before it (<see cref="CaseFactsCounts"/>, kept as the reference).
/// </summary>
public class StatisticsCubeTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly string[] Categories = ["labour.unpaid-wages", "labour.documents-confiscated", "detention.child-separated"];

    /// <summary>Cases with one to three categories (a test removes them from some), none to three forums, unknown values and several years.</summary>
    private static List<StatCaseSpec> Varied(int count, int salt)
    {
        var child = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-10);
        return Enumerable.Range(salt, count).Select(i => new StatCaseSpec(
            Citizenship: i % 7 == 0 ? null : i % 3 == 0 ? "TJ" : "UZ",
            Sex: i % 5 == 0 ? Sex.Female : Sex.Male,
            BirthDate: i % 6 == 0 ? null : i % 4 == 0 ? child : new DateOnly(1985, 1, 1),
            IncidentCountry: i % 8 == 0 ? null : i % 2 == 0 ? "RU" : "KZ",
            Categories: Categories.Skip(i % 3).Take(1 + (i % 4 == 1 ? 2 : i % 2)).ToArray(),
            Year: 2023 + (i % 3),
            Outcome: i % 4 == 3 ? CaseOutcome.ResolvedInFavour : i % 5 == 2 ? CaseOutcome.NotResolved : null,
            Courts: i % 5 == 1 ? ["RU"] : i % 6 == 4 ? ["RU", "KZ"] : [],
            Bodies: i % 7 == 3 ? [InternationalBody.CRC] : [])).ToList();
    }

    [Fact]
    public async Task Cube_kept_by_triggers_equals_a_full_rebuild_after_recategorising_closing_reopening_and_deleting()
    {
        var office = await portal.Office().SaveAsync();
        var built = await StatCases.SeedAsync(portal, office, Varied(24, salt: 0));
        await ShouldEqualRebuildAsync("after the cases were stored");

        var ids = built.Select(c => c.Id).ToList();
        await SqlAsync("DELETE FROM case_categories WHERE case_id = {0}", ids[1]);
        await SqlAsync("INSERT INTO case_categories (case_id, category_id) SELECT {0}, id FROM complaint_categories ORDER BY id DESC LIMIT 2 ON CONFLICT DO NOTHING", ids[2]);
        await SqlAsync("""
            UPDATE case_categories SET category_id = (SELECT max(c.id) FROM complaint_categories c
                                                      WHERE NOT EXISTS (SELECT 1 FROM case_categories x WHERE x.case_id = {0} AND x.category_id = c.id))
            WHERE case_id = {0} AND category_id = (SELECT min(category_id) FROM case_categories WHERE case_id = {0})
            """, ids[9]);
        await SqlAsync("INSERT INTO case_categories (case_id, category_id) SELECT {0}, min(id) FROM complaint_categories ON CONFLICT DO NOTHING", ids[0]);
        await ShouldEqualRebuildAsync("after recategorising");

        await CloseAsync(ids[4], CaseOutcome.ResolvedInFavour);
        await CloseAsync(ids[5], CaseOutcome.Withdrawn);
        await portal.WithDbAsync(async db =>
        {
            var closed = await db.Cases.SingleAsync(c => c.Id == ids[3]);
            closed.ChangeStatus(CaseStatus.InProgress, Guid.NewGuid(), DateTimeOffset.UtcNow, "New evidence");
            return await db.SaveChangesAsync();
        });
        await ShouldEqualRebuildAsync("after closing and reopening");

        await SqlAsync("UPDATE clients SET citizenship = 'KG', sex = 1 WHERE id = {0}", built[6].ClientId);
        await SqlAsync("UPDATE clients SET citizenship = NULL WHERE id = {0}", built[7].ClientId);
        await SqlAsync("UPDATE intakes SET incident_country = 'UA' WHERE id = (SELECT intake_id FROM cases WHERE id = {0})", ids[8]);
        await SqlAsync("UPDATE cases SET opened_on = opened_on - 400 WHERE id = {0}", ids[10]);
        await SqlAsync("DELETE FROM court_proceedings WHERE case_id = {0}", ids[11]);
        await ShouldEqualRebuildAsync("after changing a client, an intake, an opening date and a forum");

        await SqlAsync("DELETE FROM cases WHERE id = {0} OR id = {1}", ids[12], ids[13]);
        await ShouldEqualRebuildAsync("after deleting cases");

        var (rows, cases, firsts) = await portal.WithDbAsync(async db => (
            await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM statistics_cube").SingleAsync(),
            await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM case_facts").SingleAsync(),
            await StatisticsCubeState.CasesAsync(portal)));
        rows.Should().BeGreaterThan(10, "the varied cases give many combinations");
        firsts.Should().Be(cases, "each case is in the cube once by its first category and first forum");
        (await portal.WithDbAsync(db => db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM statistics_cube WHERE cases <= 0").SingleAsync()))
            .Should().Be(0, "a combination that falls to zero is deleted");
    }

    [Fact]
    public async Task Every_two_way_table_with_every_kind_of_filter_equals_the_query_over_case_facts()
    {
        var first = await portal.Office().SaveAsync();
        var second = await portal.Office().SaveAsync();
        await StatCases.SeedAsync(portal, first, Varied(30, salt: 0));
        var built = await StatCases.SeedAsync(portal, second, Varied(12, salt: 5));
        await CloseAsync(built[0].Id, CaseOutcome.Withdrawn);
        await SqlAsync("DELETE FROM case_categories WHERE case_id = {0} OR case_id = {1}", built[1].Id, built[2].Id);

        var (categories, offices) = await portal.WithDbAsync(async db => (
            (await db.ComplaintCategories.Select(c => c.Id).ToListAsync()).ToHashSet(),
            (await db.Offices.Select(o => o.Id).ToListAsync()).ToHashSet()));
        var separated = await portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Code == "detention.child-separated").Select(c => c.Id).SingleAsync());
        var filters = new List<StatisticsQuery>
        {
            new(),
            new() { Office = second.Id.ToString() },
            new() { From = "2024", To = "2025" },
            new() { Category = separated.ToString(CultureInfo.InvariantCulture), Age = "child" },
            new() { Forum = "c:RU", Citizenship = "UZ" },
            new() { Forum = "none", Outcome = "open", Country = "?" },
            new() { Citizenship = "?", Sex = "Male", Situation = "none", From = "2023", To = "2023" },
        };

        var compared = 0;
        foreach (var template in filters)
        {
            foreach (var rows in StatisticsDimensions.All)
            {
                foreach (var cols in StatisticsDimensions.All.Select(d => (StatisticsDimension?)d).Append(null))
                {
                    var query = Copy(template, rows, cols);
                    var filter = StatisticsFilter.Parse(query, categories, offices);
                    filter.Problems.Should().BeEmpty();
                    var (cube, reference) = await portal.WithDbAsync(async db => (
                        await StatisticsCounts.ReadAsync(db, filter, CancellationToken.None),
                        await CaseFactsCounts.ReadAsync(db, filter, CancellationToken.None)));
                    cube.Should().BeEquivalentTo(reference, "rows {0}, columns {1}, filters {2}", rows, cols, Describe(query));
                    compared += reference.Count > 1 ? 1 : 0;
                }
            }
        }

        compared.Should().BeGreaterThan(500, "most of the tables have cases in them");
    }

    private static StatisticsQuery Copy(StatisticsQuery template, StatisticsDimension rows, StatisticsDimension? cols) => new()
    {
        Rows = StatisticsDimensions.Key(rows),
        Cols = cols is { } c ? StatisticsDimensions.Key(c) : null,
        Category = template.Category,
        Citizenship = template.Citizenship,
        Country = template.Country,
        Age = template.Age,
        Sex = template.Sex,
        Outcome = template.Outcome,
        Forum = template.Forum,
        Office = template.Office,
        Situation = template.Situation,
        From = template.From,
        To = template.To,
    };

    private static string Describe(StatisticsQuery query) =>
        string.Join("&", StatisticsController.Parameters(query).Where(p => p.Item2 is not null).Select(p => p.Item1 + "=" + p.Item2));

    private Task CloseAsync(Guid caseId, CaseOutcome outcome) =>
        portal.WithDbAsync(async db =>
        {
            var @case = await db.Cases.SingleAsync(c => c.Id == caseId);
            if (@case.Status == CaseStatus.Closed)
            {
                return 0;
            }

            @case.Close(outcome, @case.OpenedOn.AddDays(30), null, Guid.NewGuid(), DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });

    private Task SqlAsync(string sql, params object[] values) =>
        portal.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql, values));

    private Task ShouldEqualRebuildAsync(string when) => StatisticsCubeState.ShouldEqualRebuildAsync(portal, when);
}
