using System.Net;
using System.Text;
using System.Text.Json;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Cases.CaseList;
using MigrantAid.Web.Infrastructure.Files;

namespace MigrantAid.Tests.Features.Cases.CaseList;

public class CaseExportTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Csv_export_coordinator_only_audited_and_without_names_or_narratives()
    {
        var coordinator = await portal.CreateUserAsync("export-coord@test.local", Roles.Coordinator);
        var lawyer = await portal.CreateUserAsync("export-lawyer@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("export-cw@test.local", Roles.Caseworker);
        var office = await portal.Office().SaveAsync();
        var other = await portal.Office().SaveAsync();
        var wages = await new CaseBuilder(portal, office).WithClient("Рахимов Фаррух", "TJ").WithTitle("Unpaid wages, \"Stroy\" site")
            .WithCategories("labour.unpaid-wages", "labour.documents-confiscated").WithAccount("He worked nine months and the foreman kept his passport.")
            .AssignedTo(lead: lawyer.Id).OpenedOn(new(2026, 3, 1)).SaveAsync();
        var formula = await new CaseBuilder(portal, office).WithClient("Sobirov Alisher", "UZ").WithTitle("=HYPERLINK(\"http://evil\")")
            .OpenedOn(new(2026, 3, 2)).SaveAsync();
        await new CaseBuilder(portal, other).WithClient("Not Exported", "KG").SaveAsync();

        foreach (var email in new[] { "export-lawyer@test.local", "export-cw@test.local" })
        {
            var refused = await (await portal.SignedInClientAsync(email)).GetAsync("/cases/export.csv?scope=all&office=" + office.Id);
            refused.StatusCode.Should().Be(HttpStatusCode.Forbidden, "{0} is not a coordinator", email);
        }

        (await portal.AuditAsync(CaseListAuditActions.Exported)).Should().BeEmpty("refused exports export nothing");

        var client = await portal.SignedInClientAsync("export-coord@test.local");
        var list = await client.GetDocumentAsync("/cases?scope=all&office=" + office.Id);
        var link = list.QuerySelector("[data-testid=export-csv]")!.GetAttribute("href")!;
        link.Should().StartWith("/cases/export.csv?").And.Contain("office=" + office.Id, "the export carries the current filters");

        var response = await client.GetAsync(link);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "a UTF-8 byte order mark lets Excel read Cyrillic");
        var csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(4, "who exported it, a header and the office's two cases");
        var at = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        lines[0].Should().Be($"\"MigrantAid case list, exported by Test export-coord <export-coord@test.local> at {at} UTC. Filters: Office {office.Name}; Scope All cases I may see\"");
        lines = lines[1..];
        lines[0].Should().Be("\"Reference\",\"Title\",\"Status\",\"Priority\",\"Office\",\"Categories\",\"Citizenship\",\"Opened\",\"Closed\",\"Outcome\",\"Lead lawyer\",\"Caseworker\"");
        lines[1].Should().StartWith($"\"{formula.Reference}\",\"'=HYPERLINK(\"\"http://evil\"\")\"", "a formula is neutralised and quotes are doubled");
        lines[2].Should().StartWith($"\"{wages.Reference}\",\"Unpaid wages, \"\"Stroy\"\" site\",");
        lines[2].Should().Contain("\"2026-03-01\"").And.Contain(lawyer.FullName).And.Contain("Unpaid or withheld wages; Passport or documents kept by the employer");
        csv.Should().NotContain("Рахимов").And.NotContain("Rakhimov").And.NotContain("Sobirov", "no client names");
        csv.Should().NotContain("foreman", "no narratives");
        csv.Should().NotContain("Not Exported");

        var audit = (await portal.AuditAsync(CaseListAuditActions.Exported)).Should().ContainSingle().Subject;
        audit.ActorId.Should().Be(coordinator.Id);
        using var details = JsonDocument.Parse(audit.Details!);
        details.RootElement.GetProperty("rows").GetInt32().Should().Be(2);
        details.RootElement.GetProperty("office").GetString().Should().Be(office.Id.ToString());
        details.RootElement.GetProperty("truncated").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public void Csv_fields_are_quoted_and_formulas_neutralised()
    {
        CsvText.Field("plain").Should().Be("\"plain\"");
        CsvText.Field(null).Should().Be("\"\"");
        CsvText.Field("say \"hi\"").Should().Be("\"say \"\"hi\"\"\"");
        CsvText.Field("a,b\r\nc").Should().Be("\"a,b\r\nc\"");
        foreach (var start in new[] { "=", "+", "-", "@", "\t", "\r" })
        {
            CsvText.Field(start + "1+1").Should().Be("\"'" + start + "1+1\"");
        }

        CsvText.Line(["a", "b"]).Should().Be("\"a\",\"b\"\r\n");
    }
}
