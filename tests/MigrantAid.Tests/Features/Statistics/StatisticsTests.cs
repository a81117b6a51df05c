using System.Net;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Statistics;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.Statistics;

public class StatisticsTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private static readonly DateOnly AdultBirth = new(1990, 6, 1);

    /// <summary>About 40 cases with skewed values, so that some cells are 5 or more and others 1 to 4.</summary>
    private static List<StatCaseSpec> Mix()
    {
        var child = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-12);
        var specs = new List<StatCaseSpec>();
        for (var i = 0; i < 40; i++)
        {
            var citizenship = i % 10 < 6 ? "UZ" : i % 10 < 9 ? "TJ" : i == 9 ? null : "KG";
            var sex = i % 13 == 0 ? Sex.Unknown : i % 3 == 0 ? Sex.Female : Sex.Male;
            DateOnly? birth = i % 11 == 0 ? null : i % 7 == 0 ? child : AdultBirth;
            var country = i % 9 == 0 ? null : i % 4 == 0 ? "KZ" : "RU";
            string[] categories = i % 5 == 0 ? ["labour.unpaid-wages", "labour.documents-confiscated"] : i % 8 == 0 ? ["detention.child-separated"] : ["labour.unpaid-wages"];
            var year = i % 3 == 0 ? 2024 : 2025;
            CaseOutcome? outcome = i % 4 == 1 ? CaseOutcome.ResolvedInFavour : i % 6 == 2 ? CaseOutcome.NotResolved : null;
            string[] courts = i % 5 == 1 ? ["RU"] : i % 10 == 3 ? ["RU", "KZ"] : [];
            InternationalBody[] bodies = i % 12 == 5 ? [InternationalBody.CRC] : [];
            specs.Add(new StatCaseSpec(citizenship, sex, birth, country, categories, year, outcome, courts, bodies));
        }

        return specs;
    }

    [Fact]
    public async Task Every_cell_equals_an_independent_count_and_small_counts_are_hidden_also_from_totals()
    {
        await portal.CreateUserAsync("stat-coord@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        await StatCases.SeedAsync(portal, office, Mix());
        var cases = await StatisticsTable.ValuesAsync(portal, office.Id);
        var client = await portal.SignedInClientAsync("stat-coord@test.local");

        var pairs = new (StatisticsDimension Rows, StatisticsDimension? Cols)[]
        {
            (StatisticsDimension.Category, StatisticsDimension.Outcome),
            (StatisticsDimension.Citizenship, StatisticsDimension.Year),
            (StatisticsDimension.Forum, StatisticsDimension.Sex),
            (StatisticsDimension.Country, StatisticsDimension.AgeGroup),
            (StatisticsDimension.Category, StatisticsDimension.Forum),
            (StatisticsDimension.Year, null),
            (StatisticsDimension.Sex, StatisticsDimension.Citizenship),
        };
        var small = 0;
        var large = 0;
        foreach (var (rows, cols) in pairs)
        {
            var url = $"/statistics?rows={StatisticsDimensions.Key(rows)}&cols={(cols is { } c ? StatisticsDimensions.Key(c) : "")}&office={office.Id}";
            var shown = StatisticsTable.Read(await client.GetDocumentAsync(url));
            var expected = StatisticsTable.Recount(cases, rows, cols);

            StatisticsTable.ShouldMatch(shown, expected, cols is not null);
            NoLineHasOneHiddenNumber(shown);
            small += shown.Values.Count(v => v == "<5");
            large += shown.Values.Count(v => int.TryParse(v, out var n) && n >= 5);
        }

        small.Should().BeGreaterThan(5, "the mix has small cells");
        large.Should().BeGreaterThan(5, "the mix has cells of 5 or more");
    }

    [Fact]
    public async Task Filters_narrow_the_cases_counted()
    {
        await portal.CreateUserAsync("stat-filter@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        await StatCases.SeedAsync(portal, office, Mix());
        var cases = await StatisticsTable.ValuesAsync(portal, office.Id);
        var client = await portal.SignedInClientAsync("stat-filter@test.local");
        var wages = await portal.WithDbAsync(db => db.ComplaintCategories.Where(c => c.Code == "labour.unpaid-wages").Select(c => c.Id).SingleAsync());

        var shown = StatisticsTable.Read(await client.GetDocumentAsync($"/statistics?rows=country&cols=sex&office={office.Id}&category={wages}&from=2025&to=2025&age=adult&citizenship=UZ"));

        var kept = cases.Where(v => v[StatisticsDimension.Category].Contains(wages.ToString(System.Globalization.CultureInfo.InvariantCulture))
            && v[StatisticsDimension.Year].Contains("2025") && v[StatisticsDimension.AgeGroup].Contains("2") && v[StatisticsDimension.Citizenship].Contains("UZ")).ToList();
        kept.Should().NotBeEmpty();
        StatisticsTable.ShouldMatch(shown, StatisticsTable.Recount(kept, StatisticsDimension.Country, StatisticsDimension.Sex), withColumns: true);
    }

    [Fact]
    public async Task A_change_to_a_case_changes_the_table()
    {
        await portal.CreateUserAsync("stat-change@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var built = await StatCases.SeedAsync(portal, office, Enumerable.Range(0, 12).Select(i =>
            new StatCaseSpec("UZ", Sex.Male, AdultBirth, "RU", ["labour.unpaid-wages"], 2025)));
        var client = await portal.SignedInClientAsync("stat-change@test.local");
        var url = $"/statistics?rows=outcome&cols=category&office={office.Id}";
        var before = StatisticsTable.Read(await client.GetDocumentAsync(url));
        before[("open", "*")].Should().Be("12");

        // Close six cases, move one to another category, make one client a Kazakh citizen born in 2015.
        var police = await portal.WithDbAsync(async db =>
        {
            var ids = built.Take(6).Select(b => b.Id).ToList();
            foreach (var @case in await db.Cases.Where(c => ids.Contains(c.Id)).ToListAsync())
            {
                @case.Close(CaseOutcome.PartlyResolved, @case.OpenedOn.AddDays(30), null, Guid.NewGuid(), portal.Clock.GetUtcNow());
            }

            var category = await db.ComplaintCategories.SingleAsync(c => c.Code == "violence.police-abuse");
            var last = built[^1].Id;
            db.CaseCategories.RemoveRange(db.CaseCategories.Where(c => c.CaseId == last));
            db.CaseCategories.Add(new CaseCategory { CaseId = last, CategoryId = category.Id });
            var secondLast = built[^2].ClientId;
            var person = await db.Clients.SingleAsync(c => c.Id == secondLast);
            person.Citizenship = "KZ";
            person.BirthDate = new DateOnly(2015, 1, 1);
            await db.SaveChangesAsync();
            return category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        });

        var after = StatisticsTable.Read(await client.GetDocumentAsync(url));
        var cases = await StatisticsTable.ValuesAsync(portal, office.Id);
        StatisticsTable.ShouldMatch(after, StatisticsTable.Recount(cases, StatisticsDimension.Outcome, StatisticsDimension.Category), withColumns: true);
        var recount = StatisticsTable.Recount(cases, StatisticsDimension.Outcome, StatisticsDimension.Category);
        recount[(((int)CaseOutcome.PartlyResolved).ToString(System.Globalization.CultureInfo.InvariantCulture), "*")].Should().Be(6);
        recount[("open", "*")].Should().Be(6);
        after[("open", "*")].Should().NotBe("12", "six cases were closed");
        after.Keys.Should().Contain((((int)CaseOutcome.PartlyResolved).ToString(System.Globalization.CultureInfo.InvariantCulture), "*"));
        after.Keys.Should().Contain(("*", police), "the moved case counts in its new category");

        var byCitizenship = StatisticsTable.Read(await client.GetDocumentAsync($"/statistics?rows=citizenship&cols=age&office={office.Id}"));
        StatisticsTable.ShouldMatch(byCitizenship, StatisticsTable.Recount(cases, StatisticsDimension.Citizenship, StatisticsDimension.AgeGroup), withColumns: true);
        byCitizenship[("KZ", StatisticsDimensions.Child)].Should().Be("<5", "the changed client is now a Kazakh child");
    }

    [Fact]
    public async Task Only_coordinators_see_statistics()
    {
        await portal.CreateUserAsync("stat-lawyer@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("stat-cw@test.local", Roles.Caseworker);
        await portal.CreateUserAsync("stat-admin@test.local", Roles.Admin);
        await portal.CreateUserAsync("stat-ok@test.local", Roles.Coordinator);

        foreach (var email in new[] { "stat-lawyer@test.local", "stat-cw@test.local", "stat-admin@test.local" })
        {
            var client = await portal.SignedInClientAsync(email);
            foreach (var url in new[] { "/statistics", "/statistics/export.csv?rows=year", "/statistics/export.xlsx?rows=year" })
            {
                (await client.GetAsync(url)).StatusCode.Should().Be(HttpStatusCode.Forbidden, "{0} is not a coordinator ({1})", email, url);
            }

            var home = await client.GetDocumentAsync("/");
            home.QuerySelector("[data-testid=nav-statistics]").Should().BeNull("{0} gets no link to statistics", email);
        }

        var coordinator = await portal.SignedInClientAsync("stat-ok@test.local");
        (await coordinator.GetAsync("/statistics")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await coordinator.GetDocumentAsync("/")).QuerySelector("[data-testid=nav-statistics]")!.GetAttribute("href").Should().Be("/statistics");
    }

    [Fact]
    public async Task Bad_choices_are_shown_at_the_fields_without_a_table()
    {
        await portal.CreateUserAsync("stat-bad@test.local", Roles.Coordinator);
        var client = await portal.SignedInClientAsync("stat-bad@test.local");

        var response = await client.GetAsync("/statistics?rows=names&from=20x5&country=ZZ&sex=7");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=statistics-table]").Should().BeNull();
        page.QuerySelector("[data-testid=statistics-problems]")!.TextContent.Trim().Should().Be("Correct the marked choices to see the table.");
        foreach (var id in new[] { "stat-rows", "stat-from", "stat-country", "stat-sex" })
        {
            page.QuerySelector($"[data-testid={id}]")!.ClassList.Should().Contain("is-invalid", "{0} is marked", id);
        }

        page.QuerySelector("[data-testid=stat-from]")!.GetAttribute("value").Should().Be("20x5", "what was typed is kept");
        (await client.GetAsync("/statistics/export.csv?rows=names")).StatusCode.Should().Be(HttpStatusCode.Redirect, "a bad export goes back to the page");
    }

    [Fact]
    public async Task Exports_are_audited_hold_the_table_as_shown_and_no_narratives_names_or_contacts()
    {
        var coordinator = await portal.CreateUserAsync("stat-export@test.local", Roles.Coordinator);
        var office = await portal.Office().SaveAsync();
        var specs = Mix();
        specs[0] = specs[0] with { Account = "NARRATIVE-7Q: the foreman locked him in the container." };
        var built = await StatCases.SeedAsync(portal, office, specs);
        await portal.WithDbAsync(async db =>
        {
            var person = await db.Clients.SingleAsync(c => c.Id == built[0].ClientId);
            person.AddContact(ContactChannel.Phone, "+7 999 555-12-34", true, "CONTACT-NOTE-9Z");
            return await db.SaveChangesAsync();
        });
        var client = await portal.SignedInClientAsync("stat-export@test.local");
        var query = $"?rows=category&cols=outcome&office={office.Id}&from=2024&to=2025";
        var page = await client.GetDocumentAsync("/statistics" + query);
        page.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href").Should().StartWith("/statistics/export.csv?").And.Contain("office=" + office.Id);
        var shown = StatisticsTable.Read(page);

        var csvResponse = await client.GetAsync("/statistics/export.csv" + query);
        csvResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        csvResponse.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF]);
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var xlsxResponse = await client.GetAsync("/statistics/export.xlsx" + query);
        xlsxResponse.StatusCode.Should().Be(HttpStatusCode.OK);
        var sheets = ReadXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync());

        var csvLines = csv.Split("\r\n\r\n")[0].Split("\r\n");
        var at = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var stamp = $"MigrantAid statistics, exported by Test stat-export <stat-export@test.local> at {at} UTC. Filters: Rows: Complaint category.";
        csvLines[0].Should().StartWith("\"" + stamp, "the first line names who exported it, when and how").And.Contain("Period: cases opened from 2024 to 2025.");
        sheets[0][0].Should().ContainSingle().Which.Should().Be(csvLines[0].Trim('"'), "each sheet starts with the same line");
        sheets[1][0].Should().Equal(sheets[0][0]);
        var csvTable = csvLines.Skip(1).Select(line => line.Split("\",\"").Select(f => f.Trim('"')).ToList()).ToList();
        sheets[0].Skip(1).Should().BeEquivalentTo(csvTable, o => o.WithStrictOrdering(), "the XLSX holds the same cells as the CSV");
        var grandTotal = shown[("*", "*")];
        csvTable[^1][^1].Should().Be(grandTotal.Replace(",", "", StringComparison.Ordinal));
        csvTable.Skip(1).SelectMany(l => l.Skip(1)).Where(v => v != "<5" && v != "x").Should().OnlyContain(v => v.All(char.IsAsciiDigit));
        csvTable.SelectMany(l => l).Count(v => v == "<5").Should().Be(shown.Values.Count(v => v == "<5"), "the files are the table as shown");
        csv.Should().Contain("Counting unit: cases").And.Contain("<5").And.Contain("Period: cases opened from 2024 to 2025.");
        string.Join("\n", sheets[1].SelectMany(l => l)).Should().Contain("Counting unit: cases");
        var properties = XlsxProperties(await xlsxResponse.Content.ReadAsByteArrayAsync());
        properties.Creator.Should().Be("Test stat-export <stat-export@test.local>");
        properties.LastModifiedBy.Should().Be("Test stat-export <stat-export@test.local>");
        properties.Created.Should().BeCloseTo(portal.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));

        foreach (var text in new[] { csv, string.Join("\n", sheets.SelectMany(s => s).SelectMany(l => l)) })
        {
            text.Should().NotContain("NARRATIVE-7Q").And.NotContain("foreman").And.NotContain("Stat Client").And.NotContain("555-12-34").And.NotContain("CONTACT-NOTE");
        }

        var audits = await portal.AuditAsync(StatisticsAuditActions.Exported);
        audits.Should().HaveCount(2);
        audits.Should().OnlyContain(a => a.ActorId == coordinator.Id);
        using var details = JsonDocument.Parse(audits[0].Details!);
        details.RootElement.GetProperty("rows").GetString().Should().Be("category");
        details.RootElement.GetProperty("filters").GetProperty("office").GetString().Should().Be(office.Id.ToString());
    }

    private static void NoLineHasOneHiddenNumber(Dictionary<(string R, string C), string> shown)
    {
        static bool Hidden(string text) => text is "<5" or "x";
        foreach (var line in shown.GroupBy(k => k.Key.R).Concat(shown.GroupBy(k => k.Key.C)).Where(g => g.Count() > 1))
        {
            line.Count(k => Hidden(k.Value)).Should().NotBe(1, "a line ({0}) with one hidden number would give it away by subtraction", line.Key);
        }
    }

    /// <summary>The workbook's creator, last modifier and creation time (document properties).</summary>
    private static (string? Creator, string? LastModifiedBy, DateTime? Created) XlsxProperties(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        return (document.PackageProperties.Creator, document.PackageProperties.LastModifiedBy, document.PackageProperties.Created);
    }

    /// <summary>Every sheet as lines of cell texts, read back with OpenXml.</summary>
    private static List<List<List<string>>> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().Select(sheet =>
        {
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            return part.Worksheet.GetFirstChild<SheetData>()!.Elements<Row>()
                .Select(row => row.Elements<Cell>().Select(cell => cell.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText : cell.CellValue!.Text).ToList())
                .ToList();
        }).ToList();
    }
}
