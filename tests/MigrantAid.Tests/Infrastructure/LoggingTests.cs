using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Infrastructure;
using Serilog.Core;

namespace MigrantAid.Tests.Infrastructure;

public class LoggingTests(LoggingTests.LoggedPortal portal) : IClassFixture<LoggingTests.LoggedPortal>
{
    [Fact]
    public async Task Each_request_is_logged_with_method_route_status_duration_and_correlation_id()
    {
        var correlationId = "log-test-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login?returnUrl=%2Fclients%2Fivanov");
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);

        var response = await portal.NewClient().SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single().Should().Be(correlationId, "a safe incoming id is kept");
        var line = RequestLines().Should().ContainSingle(e => Equals(e.Values["CorrelationId"], correlationId)).Subject;
        line.Level.Should().Be(LogLevel.Information);
        line.Values["Method"].Should().Be("GET");
        line.Values["Route"].Should().Be("account/login", "the route template, never the raw path");
        line.Values["StatusCode"].Should().Be(200);
        line.Values["ElapsedMs"].Should().BeOfType<double>().Which.Should().BeGreaterThan(0);
        line.Message.Should().Contain("GET account/login responded 200").And.Contain(correlationId);
        line.AllText.Should().NotContain("ivanov", "the query string can carry personal data");
    }

    [Fact]
    public async Task Unknown_and_static_paths_are_logged_without_the_path()
    {
        await portal.CreateUserAsync("log-paths@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("log-paths@test.local");

        var notFound = await client.GetAsync("/clients/petrov-passport-4509123456");
        var css = await client.GetAsync("/css/site.css");

        var notFoundLine = RequestLines().Single(e => Equals(e.Values["CorrelationId"], Id(notFound)));
        notFoundLine.Values["StatusCode"].Should().Be(404);
        notFoundLine.Values["Route"].Should().Be("(no route)");
        notFoundLine.AllText.Should().NotContain("petrov").And.NotContain("4509123456");
        RequestLines().Single(e => Equals(e.Values["CorrelationId"], Id(css))).Values["Route"].Should().Be("(static)");
    }

    [Fact]
    public async Task Refused_request_logs_the_route_it_asked_for_not_the_error_page_that_answered()
    {
        await portal.CreateUserAsync("log-refused@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("log-refused@test.local");

        var refused = await client.GetAsync("/users/create");

        refused.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var line = RequestLines().Single(e => Equals(e.Values["CorrelationId"], Id(refused)));
        line.Values["StatusCode"].Should().Be(403);
        line.Values["Route"].Should().Be("users/create", "the status code page re-executes as error/{code:int}, but the line names the route refused");
    }

    [Fact]
    public async Task Unsafe_incoming_correlation_id_is_replaced()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.TryAddWithoutValidation(CorrelationIdMiddleware.HeaderName, "<script>alert(1)</script>");

        var response = await portal.NewClient().SendAsync(request);

        Id(response).Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task Sign_in_attempts_never_log_the_email_or_password()
    {
        await portal.CreateUserAsync("log-secret-user@test.local", Roles.Lawyer);
        var before = portal.Logs.Entries.Count;

        foreach (var (email, password) in new[]
        {
            ("log-secret-user@test.local", "Wrong-Secret-1!"),
            ("log-unknown-user@test.local", "Unknown-Secret-2!"),
            ("log-secret-user@test.local", PortalFactory.Password),
        })
        {
            await portal.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
            {
                ["Email"] = email,
                ["Password"] = password,
            });
        }

        var written = portal.Logs.Entries.Skip(before).ToList();
        written.Should().Contain(e => e.Category == RequestLogging.Category, "the requests were logged");
        foreach (var secret in new[] { "log-secret-user", "log-unknown-user", "Wrong-Secret-1!", "Unknown-Secret-2!", PortalFactory.Password })
        {
            written.Should().NotContain(e => e.AllText.Contains(secret, StringComparison.OrdinalIgnoreCase), "{0} must not be logged", secret);
        }
    }

    private IEnumerable<LogEntry> RequestLines() =>
        portal.Logs.Entries.Where(e => e.Category == RequestLogging.Category);

    private static string Id(HttpResponseMessage response) => response.Headers.GetValues(CorrelationIdMiddleware.HeaderName).Single();

    /// <summary>The portal with every log entry captured, whatever the Serilog configuration does with them.</summary>
    public sealed class LoggedPortal : PortalFactory
    {
        public LogCapture Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Logs));
        }
    }
}
