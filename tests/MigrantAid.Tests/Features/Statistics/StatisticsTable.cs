using System.Globalization;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>What a seeded case should look like for the statistics.</summary>
public sealed record StatCaseSpec(
    string? Citizenship, Sex Sex, DateOnly? BirthDate, string? IncidentCountry, string[] Categories, int Year,
    CaseOutcome? Outcome = null, string[]? Courts = null, InternationalBody[]? Bodies = null, string? Account = null);

/// <summary>The statistics' cases, stored by the shared builders (the database keeps case_facts by its triggers).</summary>
public static class StatCases
{
    public static async Task<List<BuiltCase>> SeedAsync(PortalFactory portal, TestOffice office, IEnumerable<StatCaseSpec> specs)
    {
        var built = new List<BuiltCase>();
        foreach (var spec in specs)
        {
            var builder = portal.Case(office).WithClient("Stat Client " + Seeding.Unique(), spec.Citizenship)
                .WithClientDetails(c => (c.Sex, c.BirthDate) = (spec.Sex, spec.BirthDate)).IncidentIn(spec.IncidentCountry)
                .WithCategories(spec.Categories).OpenedOn(new DateOnly(spec.Year, 3, 1));
            if (spec.Outcome is { } outcome)
            {
                builder.Closed(outcome);
            }

            if (spec.Account is not null)
            {
                builder.WithAccount(spec.Account);
            }

            var @case = await builder.SaveAsync();
            built.Add(@case);
            foreach (var court in spec.Courts ?? [])
            {
                await portal.Proceeding(@case.Id).InCourt("Court", court).OpenedOn(new DateOnly(spec.Year, 4, 1)).SaveAsync();
            }

            foreach (var body in spec.Bodies ?? [])
            {
                await new SubmissionBuilder(portal, @case.Id).To(body).SubmittedOn(new DateOnly(spec.Year, 5, 1)).SaveAsync();
            }
        }

        return built;
    }
}

/// <summary>
/// Recounts a statistics table straight from the entities (never from case_facts), as the test's own answer,
/// and reads the table a page shows.
/// </summary>
public static class StatisticsTable
{
    /// <summary>The values of each case of the office on a dimension, read from the entities.</summary>
    public static async Task<List<Dictionary<StatisticsDimension, HashSet<string>>>> ValuesAsync(PortalFactory portal, Guid officeId) =>
        await portal.WithDbAsync(async db =>
        {
            var cases = await db.Cases.AsNoTracking().Where(c => c.OfficeId == officeId).ToListAsync();
            var ids = cases.Select(c => c.Id).ToList();
            var clients = await db.Clients.AsNoTracking().Where(c => cases.Select(x => x.PrincipalClientId).Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var intakes = await db.Intakes.AsNoTracking().Where(i => cases.Select(x => x.IntakeId).Contains(i.Id)).ToDictionaryAsync(i => i.Id);
            var categories = (await db.CaseCategories.AsNoTracking().Where(c => ids.Contains(c.CaseId)).ToListAsync()).ToLookup(c => c.CaseId, c => c.CategoryId);
            var courts = (await db.CourtProceedings.AsNoTracking().Where(p => ids.Contains(p.CaseId)).ToListAsync()).ToLookup(p => p.CaseId, p => "c:" + p.Jurisdiction);
            var bodies = (await db.InternationalSubmissions.AsNoTracking().Where(s => ids.Contains(s.CaseId)).ToListAsync()).ToLookup(s => s.CaseId, s => "b:" + (int)s.Body);
            var inv = CultureInfo.InvariantCulture;
            return cases.Select(c =>
            {
                var client = clients[c.PrincipalClientId];
                var intake = intakes[c.IntakeId];
                var intakeDate = DateOnly.FromDateTime(intake.CreatedAt.UtcDateTime);
                var age = client.BirthDate is { } birth ? (birth.AddYears(18) > intakeDate ? "1" : "2")
                    : client.BirthYear is { } year ? (intakeDate.Year - year <= 17 ? "1" : intakeDate.Year - year >= 19 ? "2" : "0") : "0";
                var forums = courts[c.Id].Concat(bodies[c.Id]).ToHashSet();
                var cats = categories[c.Id].Select(x => x.ToString(inv)).ToHashSet();
                return new Dictionary<StatisticsDimension, HashSet<string>>
                {
                    [StatisticsDimension.Category] = cats.Count == 0 ? ["0"] : cats,
                    [StatisticsDimension.Citizenship] = [client.Citizenship ?? "?"],
                    [StatisticsDimension.Country] = [intake.IncidentCountry ?? "?"],
                    [StatisticsDimension.Year] = [c.OpenedOn.Year.ToString(inv)],
                    [StatisticsDimension.AgeGroup] = [age],
                    [StatisticsDimension.Sex] = [((int)client.Sex).ToString(inv)],
                    [StatisticsDimension.Outcome] = [c.Status == CaseStatus.Closed ? ((int)c.Outcome!.Value).ToString(inv) : "open"],
                    [StatisticsDimension.Forum] = forums.Count == 0 ? ["none"] : forums,
                    [StatisticsDimension.Office] = [c.OfficeId.ToString()],
                    [StatisticsDimension.Situation] = [(((int)client.Vulnerabilities >> 6) & 3).ToString(inv)],
                };
            }).ToList();
        });

    /// <summary>Counts of a table recounted from the case values: "*" stands for a total.</summary>
    public static Dictionary<(string R, string C), int> Recount(
        IEnumerable<Dictionary<StatisticsDimension, HashSet<string>>> cases, StatisticsDimension rows, StatisticsDimension? columns)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var values in cases)
        {
            var rs = values[rows].Append("*");
            var cs = columns is { } c ? values[c].Append("*") : ["*"];
            foreach (var r in rs)
            {
                foreach (var col in cs)
                {
                    counts[(r, col)] = counts.GetValueOrDefault((r, col)) + 1;
                }
            }
        }

        return counts;
    }

    /// <summary>The table on the page as (row code, column code) → text; totals under "*".</summary>
    public static Dictionary<(string R, string C), string> Read(IHtmlDocument page)
    {
        var table = page.QuerySelector("[data-testid=statistics-table]") ?? throw new InvalidOperationException("No statistics table on the page.");
        var shown = new Dictionary<(string, string), string>();
        foreach (var row in table.QuerySelectorAll("[data-testid=statistics-row]"))
        {
            var code = row.GetAttribute("data-code")!;
            foreach (var cell in row.QuerySelectorAll("[data-testid=cell]"))
            {
                shown[(code, cell.GetAttribute("data-column")!)] = cell.TextContent.Trim();
            }

            shown[(code, "*")] = row.QuerySelector("[data-testid=row-total]")!.TextContent.Trim();
        }

        foreach (var cell in table.QuerySelectorAll("[data-testid=column-total]"))
        {
            shown[("*", cell.GetAttribute("data-column")!)] = cell.TextContent.Trim();
        }

        shown[("*", "*")] = table.QuerySelector("[data-testid=grand-total]")!.TextContent.Trim();
        return shown;
    }

    /// <summary>Every shown number equals the recount, every count from 1 to 4 is "&lt;5", and "x" hides only counts of 5 or more.</summary>
    public static void ShouldMatch(Dictionary<(string R, string C), string> shown, Dictionary<(string R, string C), int> expected, bool withColumns)
    {
        var rowCodes = expected.Keys.Where(k => k.R != "*").Select(k => k.R).Distinct().ToList();
        var columnCodes = withColumns ? expected.Keys.Where(k => k.C != "*").Select(k => k.C).Distinct().ToList() : [];
        var keys = rowCodes.SelectMany(r => columnCodes.Select(c => (r, c))).Concat(rowCodes.Select(r => (r, "*")))
            .Concat(columnCodes.Select(c => ("*", c))).Append(("*", "*")).ToList();
        shown.Keys.Should().BeEquivalentTo(keys, "the table has a row per value present, a column per value present, and their totals");
        foreach (var key in keys)
        {
            var count = expected.GetValueOrDefault(key);
            var text = shown[key];
            if (count is >= 1 and <= 4)
            {
                text.Should().Be("<5", "{0} counts {1} cases, a small number", key, count);
            }
            else if (text == "x")
            {
                count.Should().BeGreaterThanOrEqualTo(5, "only counts of 5 or more are hidden as secondary suppression");
            }
            else
            {
                long.Parse(text, NumberStyles.AllowThousands, CultureInfo.InvariantCulture).Should().Be(count, "{0} is recounted from the seeded cases", key);
            }
        }
    }
}
