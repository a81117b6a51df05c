using System.IO.Compression;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Exports;
using MigrantAid.Web.Security.Audit;
using Npgsql;

namespace MigrantAid.Tests.Infrastructure.Reporting;

/// <summary>
/// With ConnectionStrings:Reporting set, the dashboard, the statistics and their export, the follow-up report
/// and the organisation export read through it (they show the reporting database's data, never the
/// primary's), while what they write (audit rows, the export's state) goes to the primary.
/// </summary>
public class ReportingReadsTests(ReportingPortal portal) : IClassFixture<ReportingPortal>
{
    [Fact]
    public async Task Dashboard_and_its_lists_count_the_cases_of_the_reporting_database()
    {
        var office = await portal.Replica.Office().SaveAsync();
        await portal.Replica.Case(office).SaveManyAsync(6);
        var primaryOffice = await portal.Office().SaveAsync();
        await portal.Case(primaryOffice).SaveManyAsync(2);
        var client = await CoordinatorAsync("rep-dashboard@test.local");

        var page = await client.GetDocumentAsync("/dashboard?office=" + office.Id);

        page.QuerySelectorAll(".is-invalid").Should().BeEmpty("the office exists in the reporting database");
        OpenFigure(page).Should().Be(6, "the six cases are in the reporting database only");
        var primary = await client.GetDocumentAsync("/dashboard?office=" + primaryOffice.Id);
        primary.QuerySelectorAll(".is-invalid").Should().NotBeEmpty("the primary's office is not among the reporting database's offices");
        (await client.GetAsync("/dashboard/deadlines?window=overdue")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Statistics_and_their_export_count_the_reporting_database_and_the_export_is_audited_in_the_primary()
    {
        var office = await portal.Replica.Office().SaveAsync();
        await portal.Replica.Case(office).SaveManyAsync(7);
        var client = await CoordinatorAsync("rep-statistics@test.local");
        var query = $"?rows=year&office={office.Id}";

        var page = await client.GetDocumentAsync("/statistics" + query);
        var csv = await client.GetStringAsync("/statistics/export.csv" + query);

        page.QuerySelector("[data-testid=grand-total]")!.TextContent.Trim().Should().Be("7");
        csv.Split("\r\n").Should().Contain("\"Total\",\"7\"");
        (await portal.AuditAsync(StatisticsAuditActions.Exported)).Should().ContainSingle(a => a.ActorEmail == "rep-statistics@test.local");
        (await portal.Replica.AuditAsync(StatisticsAuditActions.Exported)).Should().BeEmpty("nothing is written through the reporting connection");
    }

    [Fact]
    public async Task Follow_up_report_lists_the_reporting_databases_recommendations_and_audits_its_export_in_the_primary()
    {
        var paragraph = "REP-" + Seeding.Unique();
        var id = await portal.Replica.WithDbAsync(async db =>
        {
            var recommendation = new Recommendation(Seeding.System, portal.Clock.GetUtcNow()) { Body = InternationalBody.CMW, State = "KZ", Cycle = "Session", Year = 2024 };
            recommendation.SetText(paragraph, "Reporting text " + paragraph, null, null);
            db.Recommendations.Add(recommendation);
            await db.SaveChangesAsync();
            return recommendation.Id;
        });
        var client = await CoordinatorAsync("rep-follow-up@test.local");

        var page = await client.GetDocumentAsync("/reports/recommendations?state=KZ");
        var csv = await client.GetStringAsync("/reports/recommendations/export.csv?state=KZ");

        page.QuerySelectorAll("[data-testid=follow-up-row]").Select(r => r.GetAttribute("data-id")).Should().Contain(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        csv.Should().Contain(paragraph);
        (await portal.WithDbAsync(db => db.Recommendations.CountAsync(r => r.Paragraph == paragraph))).Should().Be(0, "the primary does not hold it");
        (await portal.AuditAsync(StatisticsAuditActions.FollowUpExported)).Should().ContainSingle(a => a.ActorEmail == "rep-follow-up@test.local");
        (await portal.Replica.AuditAsync(StatisticsAuditActions.FollowUpExported)).Should().BeEmpty();
    }

    [Fact]
    public async Task Organisation_export_writes_the_reporting_databases_rows_and_keeps_its_state_in_the_primary()
    {
        var replicaCases = await portal.Replica.Case(await portal.Replica.Office().SaveAsync()).SaveManyAsync(3);
        var primaryCases = await portal.Case(await portal.Office().SaveAsync()).SaveManyAsync(2);
        await portal.CreateUserAsync("rep-export@test.local", Roles.Admin);
        var client = await portal.SignedInClientAsync("rep-export@test.local");
        var started = await client.SubmitFormAsync("/exports", [], "/exports");
        var id = Guid.Parse(started.Headers.Location!.ToString().Split('/')[^1]);

        (await portal.Services.GetRequiredService<OrganisationExportWorker>().ProcessNextAsync()).Should().Be(id);

        var export = await portal.WithDbAsync(db => db.Set<OrganisationExport>().AsNoTracking().SingleAsync(e => e.Id == id));
        export.Status.Should().Be(OrganisationExportStatus.Completed, "the export's state is written to the primary");
        var download = await client.GetAsync($"/exports/{id}/download");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        var cases = ReadEntry(await download.Content.ReadAsByteArrayAsync(), "cases.csv");
        foreach (var c in replicaCases)
        {
            cases.Should().Contain(c.Id.ToString(), "the rows come from the reporting database");
        }

        foreach (var c in primaryCases)
        {
            cases.Should().NotContain(c.Id.ToString(), "the primary's rows are not read");
        }

        (await portal.Replica.WithDbAsync(db => db.Set<OrganisationExport>().CountAsync())).Should().Be(0);
    }

    [Fact]
    public async Task The_reporting_context_is_read_only_and_names_its_sessions()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();

        var write = () => reporting.Database.ExecuteSqlRawAsync("UPDATE offices SET name = name WHERE false");

        (await write.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.ReadOnlySqlTransaction);
        (await reporting.Database.SqlQueryRaw<string>("SELECT current_setting('application_name') AS \"Value\"").SingleAsync())
            .Should().Be(ReportingPortal.ApplicationName);
        (await reporting.Database.SqlQueryRaw<string>("SELECT current_database()::text AS \"Value\"").SingleAsync())
            .Should().Be(new NpgsqlConnectionStringBuilder(portal.Replica.ConnectionString).Database);
    }

    private async Task<HttpClient> CoordinatorAsync(string email)
    {
        await portal.CreateUserAsync(email, Roles.Coordinator);
        return await portal.SignedInClientAsync(email);
    }

    private static int OpenFigure(IHtmlDocument page) =>
        int.Parse(page.QuerySelector("a[data-testid=figure][data-key='open']")!.TextContent.Trim().Replace(",", "", StringComparison.Ordinal),
            System.Globalization.CultureInfo.InvariantCulture);

    private static string ReadEntry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        using var reader = new StreamReader(archive.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
