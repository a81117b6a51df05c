using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Tests.Features.International;

public class FollowUpReportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Report_shows_latest_assessment_and_counts_linked_cases()
    {
        var coordinator = await portal.CreateUserAsync("fu-coord@test.local", Roles.Coordinator);
        await portal.CreateUserAsync("fu-lawyer@test.local", Roles.Lawyer);
        var office = await portal.Office().SaveAsync();
        var cases = await new CaseBuilder(portal, office).SaveManyAsync(5);
        var now = portal.Clock.GetUtcNow();
        var ids = await portal.WithDbAsync(async db =>
        {
            Recommendation Make(InternationalBody body, string state, int year, string paragraph)
            {
                var r = new Recommendation(coordinator.Id, now) { Body = body, State = state, Cycle = "Session " + paragraph, Year = year };
                r.SetText(paragraph, "Text " + paragraph, null, null);
                db.Recommendations.Add(r);
                return r;
            }

            var first = Make(InternationalBody.CMW, "KZ", 2024, "FU-1");
            var second = Make(InternationalBody.CRC, "KZ", 2024, "FU-2");
            var third = Make(InternationalBody.CMW, "RU", 2023, "FU-3");
            await db.SaveChangesAsync();

            // The later date wins, whatever the order of entry.
            db.RecommendationAssessments.Add(first.Assess(new DateOnly(2025, 6, 1), ImplementationStatus.PartiallyImplemented, null, coordinator.Id, now));
            db.RecommendationAssessments.Add(first.Assess(new DateOnly(2024, 6, 1), ImplementationStatus.NotImplemented, null, coordinator.Id, now));
            db.RecommendationAssessments.Add(second.Assess(new DateOnly(2025, 1, 1), ImplementationStatus.Implemented, null, coordinator.Id, now));
            foreach (var c in cases.Take(3))
            {
                db.CaseRecommendations.Add(new CaseRecommendation(c.Id, first.Id, "Note about the case", coordinator.Id, now));
            }

            db.CaseRecommendations.Add(new CaseRecommendation(cases[4].Id, third.Id, null, coordinator.Id, now));
            await db.SaveChangesAsync();
            return new[] { first.Id, second.Id, third.Id };
        });

        var lawyer = await portal.SignedInClientAsync("fu-lawyer@test.local");
        var page = await lawyer.GetDocumentAsync("/reports/recommendations");
        var rows = page.QuerySelectorAll("[data-testid=follow-up-row]").ToDictionary(r => int.Parse(r.GetAttribute("data-id")!, System.Globalization.CultureInfo.InvariantCulture));

        var expected = await portal.WithDbAsync(async db => await db.Recommendations.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id,
                Linked = db.CaseRecommendations.Count(l => l.RecommendationId == r.Id),
                Latest = db.RecommendationAssessments.Where(a => a.RecommendationId == r.Id).OrderByDescending(a => a.AssessedOn).Select(a => (ImplementationStatus?)a.Status).FirstOrDefault(),
            }).ToListAsync());
        foreach (var e in expected)
        {
            rows[e.Id].QuerySelector("[data-testid=fu-linked]")!.TextContent.Trim().Should().Be(e.Linked.ToString(System.Globalization.CultureInfo.InvariantCulture));
            rows[e.Id].QuerySelector("[data-testid=fu-status]")!.TextContent.Trim().Should().Be(StatusText(e.Latest ?? ImplementationStatus.NotAssessed));
        }

        rows[ids[0]].QuerySelector("[data-testid=fu-linked]")!.TextContent.Trim().Should().Be("3");
        rows[ids[0]].QuerySelector("[data-testid=fu-status]")!.TextContent.Should().Be(StatusText(ImplementationStatus.PartiallyImplemented));
        page.Body!.TextContent.Should().NotContain("Note about the case", "linked cases are a count only");

        var filtered = await lawyer.GetDocumentAsync("/reports/recommendations?state=KZ&body=CMW&year=2024");
        filtered.QuerySelectorAll("[data-testid=follow-up-row]").Select(r => r.GetAttribute("data-id")).Should().Equal(ids[0].ToString(System.Globalization.CultureInfo.InvariantCulture));

        var csv = await lawyer.GetAsync("/reports/recommendations/export.csv?state=KZ");
        csv.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync());
        text.Should().Contain("FU-1").And.Contain("FU-2").And.NotContain("FU-3").And.NotContain("Note about the case");
        text.Split("\r\n").Single(l => l.Contains("FU-1", StringComparison.Ordinal)).Should().EndWith(",\"3\"");
        var at = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var stamp = $"MigrantAid recommendation follow-up, exported by Test fu-lawyer <fu-lawyer@test.local> at {at} UTC. Filters: State Kazakhstan";
        text.TrimStart('\uFEFF').Split("\r\n")[0].Should().Be($"\"{stamp}\"", "the first line names who exported it, when and with which filters");
        var xlsx = await lawyer.GetAsync("/reports/recommendations/export.xlsx?state=KZ");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        using (var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false))
        {
            document.PackageProperties.Creator.Should().Be("Test fu-lawyer <fu-lawyer@test.local>");
            document.PackageProperties.LastModifiedBy.Should().Be("Test fu-lawyer <fu-lawyer@test.local>");
            document.PackageProperties.Created.Should().BeCloseTo(portal.Clock.GetUtcNow().UtcDateTime, TimeSpan.FromSeconds(1));
            var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
            sheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().First().InnerText.Should().Be(stamp, "the sheet starts with the same line");
        }

        (await portal.AuditAsync(StatisticsAuditActions.FollowUpExported)).Should().HaveCount(2);
    }

    private static string StatusText(ImplementationStatus status) => status switch
    {
        ImplementationStatus.Implemented => "Implemented",
        ImplementationStatus.PartiallyImplemented => "Partially implemented",
        ImplementationStatus.NotImplemented => "Not implemented",
        ImplementationStatus.InProgress => "In progress",
        _ => "Not assessed",
    };
}
