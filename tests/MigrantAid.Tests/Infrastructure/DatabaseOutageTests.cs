using System.Diagnostics;
using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using Npgsql;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// The portal without its database: it starts and waits (live, not ready, every page a localized 503 with
/// Retry-After), serves as soon as the database is back without a restart, and answers a later outage with the
/// same 503 page instead of a 500. The database "goes away" behind a <see cref="TcpRelay"/>.
/// </summary>
public class DatabaseOutageTests
{
    private const string AdminEmail = "outage-admin@test.local";
    private const string AdminPassword = "Outage-Passw0rd!";

    [Fact]
    public async Task Portal_started_without_its_database_answers_503_and_serves_once_it_is_back()
    {
        var database = await TestDatabase.CreateMigratedAsync("outagestart");
        await using var relay = NewRelay();
        var portal = new ConfiguredPortal(new Dictionary<string, string?>
        {
            ["Bootstrap:AdminEmail"] = AdminEmail,
            ["Bootstrap:AdminPassword"] = AdminPassword,
        }, Through(relay, database));
        try
        {
            await portal.InitializeAsync();
            var client = portal.NewClient();

            (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "the process runs");
            (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            await ShouldBeUnavailableAsync(client, "/cases", "en", "The portal cannot reach its database at the moment.");
            await ShouldBeUnavailableAsync(client, "/account/login", "ru", "Портал сейчас не может связаться со своей базой данных.");
            (await client.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK, "the page's own style sheet is served");

            relay.Start();
            await WaitForAsync(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));

            // The first administrator was created by the start-up work that waited for the database.
            var admin = await portal.SignedInClientAsync(AdminEmail, AdminPassword);
            (await admin.GetAsync("/users")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
        finally
        {
            await portal.DisposeAsync();
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task A_running_portal_whose_database_goes_away_answers_503_then_serves_again()
    {
        var database = await TestDatabase.CreateMigratedAsync("outagerun");
        await using var relay = NewRelay();
        relay.Start();
        var portal = new ConfiguredPortal(sharedConnectionString: Through(relay, database));
        try
        {
            await portal.InitializeAsync();
            await portal.CreateUserAsync("outage-coordinator@test.local", Roles.Coordinator);
            var client = await portal.SignedInClientAsync("outage-coordinator@test.local");
            (await client.GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);

            relay.Stop();
            await ShouldBeUnavailableAsync(client, "/cases", "en", "The portal cannot reach its database at the moment.");
            await ShouldBeUnavailableAsync(client, "/clients?q=Ivanov", "en", "The portal cannot reach its database at the moment.");

            relay.Start();
            await WaitForAsync(async () => (await client.GetAsync("/cases")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20));
        }
        finally
        {
            await portal.DisposeAsync();
            await TestDatabase.DropAsync(database);
        }
    }

    private static TcpRelay NewRelay()
    {
        var server = new NpgsqlConnectionStringBuilder(TestDatabase.ServerConnectionString);
        return new TcpRelay(server.Host!, server.Port);
    }

    private static string Through(TcpRelay relay, string database) =>
        new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = relay.Port, Timeout = 5 }.ToString();

    private static async Task ShouldBeUnavailableAsync(HttpClient client, string url, string language, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable, url);
        response.Headers.RetryAfter.Should().NotBeNull(url);
        response.Headers.RetryAfter!.Delta.Should().BePositive();
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=unavailable]")!.TextContent.Should().Contain(text);
        page.DocumentElement.GetAttribute("lang").Should().Be(language);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            clock.Elapsed.Should().BeLessThan(limit, "the portal should serve again within seconds of the database's return");
            await Task.Delay(250);
        }
    }
}
