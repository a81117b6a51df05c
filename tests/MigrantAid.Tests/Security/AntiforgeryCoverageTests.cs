using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using Xunit.Abstractions;

namespace MigrantAid.Tests.Security;

/// <summary>
/// No CSRF: every POST/PUT/PATCH/DELETE endpoint of the portal, read from its endpoint data source,
/// is sent as a user allowed to use it (the route filled with a real seeded record) but without a
/// valid antiforgery token: none, another user's token, and another user's token with that user's
/// antiforgery cookie. Each is refused with 400 (the portal's answer to a failed antiforgery check)
/// and nothing is written: the audit trail and every table stay as they were.
/// </summary>
public class AntiforgeryCoverageTests(SecurityPortal portal, ITestOutputHelper output) : IClassFixture<SecurityPortal>
{
    /// <summary>Who sends a route's forged request: the first of these the route's policy allows.</summary>
    private static readonly string[] SenderPreference =
        ["coordinator@demo.local", "admin@demo.local", "lawyer@demo.local", "caseworker@demo.local"];

    private const string Victim = "lawyer2@demo.local";

    [Fact]
    public async Task Every_unsafe_route_refuses_a_request_without_a_valid_token_and_writes_nothing()
    {
        var endpoints = (await PortalEndpoints.ReadAsync(portal.Services)).Where(e => e.IsUnsafe).ToList();
        var records = await portal.WithDbAsync(RecordCatalog.LoadAsync);
        var senders = new Dictionary<string, (SignedInUser User, ExpectedAnswers Rules)>();
        foreach (var email in SenderPreference)
        {
            var user = await portal.SignInAsync(email);
            senders[email] = (user, await ExpectedAnswers.ForAsync(portal, user.Principal, records[RecordKind.Intake]));
        }

        var victim = await portal.SignInAsync(Victim);
        var stolen = await ForeignTokenAsync(victim);
        var anonymous = portal.NewClient();
        var raw = portal.CreateDefaultClient(new Uri("https://localhost"));
        var before = await DatabaseFingerprint.TakeAsync(portal);
        var audit = await AuditCountAsync();
        var failures = new List<string>();
        var sent = 0;

        foreach (var endpoint in endpoints)
        {
            (SignedInUser User, ExpectedAnswers Rules)? sender = endpoint.Access.IsAnonymous ? null : await SenderForAsync(endpoint, senders);
            var url = RouteFiller.Url(endpoint.Template, records, sender?.Rules);
            var method = endpoint.Method == "ANY" ? HttpMethod.Post : new HttpMethod(endpoint.Method);
            var expectRefusal = EndpointInventory.Entries.GetValueOrDefault(endpoint.Key)?.NoAntiforgeryReason is null;
            foreach (var (variant, token, cookie) in Variants(stolen))
            {
                var client = cookie is not null ? raw : sender?.User.Client ?? anonymous;
                using var response = await SendAsync(client, method, url, token, cookie, sender?.User);
                sent++;
                var refused = response.StatusCode == HttpStatusCode.BadRequest;
                // An endpoint exempt by the inventory (error pages, probes) answers as it likes; it must still write nothing.
                if (expectRefusal && !refused)
                {
                    failures.Add($"{endpoint.Key} as {sender?.User.Email ?? "anonymous"} ({variant}) {url}: got {(int)response.StatusCode}");
                }
            }
        }

        output.WriteLine($"{endpoints.Count} unsafe endpoints, {sent} forged requests.");
        failures.Should().BeEmpty("an unsafe route must refuse a request without a valid antiforgery token with 400");
        (await AuditCountAsync()).Should().Be(audit, "no forged request reached a handler that audits");
        DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(portal)).Should().BeEmpty("no forged request wrote anything");
        endpoints.Should().HaveCountGreaterThan(50, "the endpoint data source is read, not a hand list");
    }

    [Fact]
    public async Task The_same_request_with_the_users_own_token_is_accepted()
    {
        // The control: the refusals above are about the token only, not about the route or the user.
        var lawyer = await portal.SignInAsync("lawyer@demo.local");
        var token = HttpForms.Parse(await lawyer.Client.GetStringAsync("/profile")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var audit = await AuditCountAsync();
        var before = await DatabaseFingerprint.TakeAsync(portal);

        using var response = await SendAsync(lawyer.Client, HttpMethod.Post, "/account/logout", token, null, lawyer);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await AuditCountAsync()).Should().Be(audit + 1, "signing out is audited");
        DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(portal)).Should().Contain("audit_events", "the fingerprint sees a write");
        before.Should().HaveCountGreaterThan(20).And.ContainKey("cases");
    }

    private static IEnumerable<(string Variant, string? Token, Cookie? Cookie)> Variants((string Token, Cookie Cookie) stolen) =>
    [
        ("no token", null, null),
        ("another user's token", stolen.Token, null),
        ("another user's token and antiforgery cookie", stolen.Token, stolen.Cookie),
    ];

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? token, Cookie? cookie, SignedInUser? sender)
    {
        var fields = new Dictionary<string, string>();
        if (token is not null)
        {
            fields["__RequestVerificationToken"] = token;
        }

        using var request = new HttpRequestMessage(method, url) { Content = new FormUrlEncodedContent(fields) };
        if (cookie is not null)
        {
            // The victim's antiforgery cookie replaces the sender's own for this one request.
            var own = sender?.Cookies.GetCookies(new Uri("https://localhost")).Where(c => c.Name != cookie.Name).Select(c => $"{c.Name}={c.Value}") ?? [];
            request.Headers.Add("Cookie", string.Join("; ", own.Append($"{cookie.Name}={cookie.Value}")));
        }

        return await client.SendAsync(request);
    }

    private static async Task<(string Token, Cookie Cookie)> ForeignTokenAsync(SignedInUser victim)
    {
        var page = HttpForms.Parse(await victim.Client.GetStringAsync("/profile"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cookie = victim.Cookies.GetCookies(new Uri("https://localhost")).Single(c => c.Name == "MigrantAid.Antiforgery");
        return (token, cookie);
    }

    private async Task<(SignedInUser User, ExpectedAnswers Rules)> SenderForAsync(PortalEndpoint endpoint, Dictionary<string, (SignedInUser User, ExpectedAnswers Rules)> senders)
    {
        var authorization = portal.Services.GetRequiredService<IAuthorizationService>();
        foreach (var email in SenderPreference)
        {
            if ((await authorization.AuthorizeAsync(senders[email].User.Principal, endpoint.Policy)).Succeeded)
            {
                return senders[email];
            }
        }

        throw new InvalidOperationException($"No demo user may use {endpoint.Key} ({endpoint.Access})");
    }

    private Task<int> AuditCountAsync() => portal.WithDbAsync(db => db.AuditEvents.CountAsync());
}
