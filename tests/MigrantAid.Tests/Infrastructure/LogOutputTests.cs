using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// The portal's real console output, from the portal run as operators run it (a process of its own, Production,
/// JSON logs), with every log level an operator might turn on for troubleshooting: the request lines are there,
/// and nothing that was in a URL is.
/// </summary>
public partial class LogOutputTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string Lawyer = "log-output-lawyer@test.local";
    private const string SearchedName = "Abdrakhmanova";
    private const string PathName = "Zhyldyz-Abdrakhmanova";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Feed_token_searched_name_and_mistyped_path_never_reach_the_console_while_the_requests_do()
    {
        await portal.CreateUserAsync(Lawyer, Roles.Lawyer);
        await using var process = PortalProcess.Start(Environment(portal.ConnectionString, TestCertificates.CreatePfx("log-output"), portal.OwnerConnectionString));
        var listening = await process.WaitForLineAsync(l => l.Contains("Now listening on", StringComparison.Ordinal), Patience);
        var address = JsonDocument.Parse(listening).RootElement.GetProperty("address").GetString()!;

        using var lawyer = Client(address, new CookieContainer());
        (await lawyer.SubmitFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = Lawyer, ["Password"] = PortalFactory.Password }))
            .StatusCode.Should().Be(HttpStatusCode.Redirect, "the lawyer signs in");
        var created = await lawyer.SubmitFormAsync("/calendar/feed", new Dictionary<string, string>(), action: "/calendar/feed");
        var token = FeedToken().Match(await created.Content.ReadAsStringAsync()).Groups[1].Value;
        token.Should().NotBeEmpty("the new feed address is shown once");

        using var calendarProgram = Client(address, new CookieContainer());
        (await SendAsync(calendarProgram, $"/calendar/feed/{token}.ics", "logout-feed")).Should().Be(HttpStatusCode.OK);
        (await SendAsync(lawyer, $"/cases?q={SearchedName}", "logout-search")).Should().Be(HttpStatusCode.OK);
        (await SendAsync(lawyer, $"/no-such-page/{PathName}", "logout-notfound")).Should().Be(HttpStatusCode.NotFound);
        // The request's own line comes last, after the lines logged while it ran (which carry its correlation id too).
        await process.WaitForLineAsync(l => l.Contains("logout-notfound", StringComparison.Ordinal) && l.Contains("RequestLoggingMiddleware", StringComparison.Ordinal), Patience);

        var lines = process.Lines.Where(l => l.Length > 0).ToList();
        var events = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        events.Should().Contain(e => (Text(e, "SourceContext") ?? "").StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal),
            "framework debug events are written too, so the output below is the most an operator could get");
        RequestLine(events, "logout-feed").Should().Be(("calendar/feed/{file}", 200));
        RequestLine(events, "logout-search").Should().Be(("cases", 200));
        RequestLine(events, "logout-notfound").Should().Be(("(no route)", 404));

        var output = string.Join('\n', lines);
        foreach (var secret in new[] { token, SearchedName, PathName, "Zhyldyz", Lawyer, PortalFactory.Password, "no-such-page", "?q=" })
        {
            output.Should().NotContain(secret, "'{0}' came from a URL or a form and must not be logged", secret);
        }

        events.Should().NotContain(e => Text(e, "RequestPath") != null, "ASP.NET Core's scope property with the raw path is removed");
    }

    [Fact]
    public async Task Failed_start_is_one_json_line_at_level_Fatal()
    {
        // A connection string the driver cannot read is a failed start (an unreachable database is not: the portal then
        // serves 503 and waits for it, see DatabaseOutageTests).
        var environment = Environment("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=Not-In-The-Log-7;No Such Keyword=1", TestCertificates.CreatePfx("log-fatal"));

        var (exitCode, lines) = await PortalProcess.RunToExitAsync(environment, Patience);

        exitCode.Should().NotBe(0);
        var events = lines.Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var fatal = events.Where(e => Text(e, "@l") == "Fatal").Should().ContainSingle().Subject;
        fatal.GetProperty("@x").GetString().Should().Contain("Npgsql", "the exception that stopped the start is in the line");
        string.Join('\n', lines).Should().NotContain("Not-In-The-Log-7");
    }

    [Fact]
    public async Task Production_without_a_key_certificate_refuses_to_start_with_one_json_line_saying_why()
    {
        var environment = Environment(portal.ConnectionString, certificate: null, portal.OwnerConnectionString);

        var (exitCode, lines) = await PortalProcess.RunToExitAsync(environment, Patience);

        exitCode.Should().NotBe(0);
        var events = lines.Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var fatal = events.Where(e => Text(e, "@l") == "Fatal").Should().ContainSingle().Subject;
        fatal.GetProperty("@x").GetString().Should().Contain("DataProtection:Certificate:Path").And.Contain("DataProtection:AllowUnencryptedKeys");
        events.Should().NotContain(e => (Text(e, "@m") ?? "").Contains("Now listening", StringComparison.Ordinal), "the portal never serves");
    }

    /// <summary>The portal as in production: it serves as the application role and migrates as the owner.</summary>
    private static Dictionary<string, string> Environment(string connectionString, string? certificate, string? ownerConnectionString = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["ConnectionStrings__Default"] = connectionString,
            ["Logging__Format"] = "json",
            ["Security__CookieSecurePolicy"] = "SameAsRequest",
            ["Reminders__RunInBackground"] = "false",
            ["Exports__RunInBackground"] = "false",
            ["Serilog__MinimumLevel__Default"] = "Debug",
            ["Serilog__MinimumLevel__Override__Microsoft"] = "Debug",
            ["Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore"] = "Debug",
            ["Serilog__MinimumLevel__Override__System"] = "Debug",
        };
        if (ownerConnectionString is not null)
        {
            environment["ConnectionStrings__Migrations"] = ownerConnectionString;
        }

        if (certificate is not null)
        {
            environment["DataProtection__Certificate__Path"] = certificate;
            environment["DataProtection__Certificate__Password"] = TestCertificates.Password;
        }

        return environment;
    }

    private static HttpClient Client(string address, CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(address) };

    private static async Task<HttpStatusCode> SendAsync(HttpClient client, string url, string correlationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);
        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    private static (string? Route, int Status) RequestLine(IEnumerable<JsonElement> events, string correlationId)
    {
        var line = events.Should().ContainSingle(e =>
                Text(e, "SourceContext") == RequestLogging.Category && Text(e, "CorrelationId") == correlationId,
                "one request line for {0}", correlationId)
            .Subject;
        return (line.GetProperty("Route").GetString(), line.GetProperty("StatusCode").GetInt32());
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [GeneratedRegex(@"/calendar/feed/([A-Za-z0-9_\-]+)\.ics")]
    private static partial Regex FeedToken();
}
