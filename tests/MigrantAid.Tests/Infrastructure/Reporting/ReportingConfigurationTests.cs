using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Infrastructure.Failure;

namespace MigrantAid.Tests.Infrastructure.Reporting;

/// <summary>Without ConnectionStrings:Reporting, with it unreachable, and with it naming the wrong role.</summary>
public class ReportingConfigurationTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Without_a_reporting_connection_reports_read_through_the_requests_own_primary_connection()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var primary = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();

        scope.ServiceProvider.GetRequiredService<ReportingDatabase>().IsSeparate.Should().BeFalse();
        reporting.Database.GetDbConnection().Should().BeSameAs(primary.Database.GetDbConnection(), "no second connection is taken");
        await portal.CreateUserAsync("rep-none@test.local", Roles.Coordinator);
        var client = await portal.SignedInClientAsync("rep-none@test.local");
        (await client.GetAsync("/dashboard")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/statistics?rows=year")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_reporting_context_refuses_to_save_even_on_the_primary_connection()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredService<ReportingDbContext>();
        reporting.AuditEvents.Add(new AuditEvent { OccurredAt = portal.Clock.GetUtcNow(), Action = "reporting.write-attempt" });

        var save = () => reporting.SaveChangesAsync();

        await save.Should().ThrowAsync<InvalidOperationException>();
        (await portal.AuditAsync("reporting.write-attempt")).Should().BeEmpty();
    }

    [Fact]
    public async Task When_the_reporting_database_is_down_reports_answer_503_and_other_pages_still_work()
    {
        await using var down = new ConfiguredPortal(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = $"Host=127.0.0.1;Port=1;Database=none;Username={TestDatabase.ApplicationRole};Timeout=5",
        }, portal.ConnectionString);
        await down.InitializeAsync();
        await down.CreateUserAsync("rep-down@test.local", Roles.Coordinator);
        var client = await down.SignedInClientAsync("rep-down@test.local");

        foreach (var url in new[] { "/dashboard", "/statistics?rows=year", "/reports/recommendations" })
        {
            var response = await client.GetAsync(url);
            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, "{0} reads through the reporting database", url);
            response.Headers.RetryAfter?.Delta.Should().Be(TimeSpan.FromSeconds(FailurePages.RetryAfterSeconds), "{0} asks the client to retry as the outage page does", url);
        }

        (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK, "the case list reads the primary");
        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK, "readiness is the primary's");
    }

    [Fact]
    public async Task A_reporting_connection_as_another_role_stops_the_start()
    {
        await using var wrong = new ConfiguredPortal(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Reporting"] = TestDatabase.AsOwner(portal.ConnectionString),
        }, portal.ConnectionString);
        await wrong.InitializeAsync();

        var start = () => wrong.NewClient();

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("ConnectionStrings:Reporting must connect as the application role", StringComparison.Ordinal));
    }
}
