using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Infrastructure;

public class SecurityHeadersTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/css/site.css", HttpStatusCode.OK)]
    [InlineData("/no-such-page", HttpStatusCode.Found)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string url, HttpStatusCode expected)
    {
        var response = await portal.NewClient().GetAsync(url);

        response.StatusCode.Should().Be(expected);
        var csp = Header(response, "Content-Security-Policy");
        csp.Should().Contain("default-src 'self'").And.Contain("frame-ancestors 'none'").And.Contain("object-src 'none'");
        csp.Should().NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Referrer-Policy").Should().Be("no-referrer");
        Header(response, "X-Frame-Options").Should().Be("DENY");
        Header(response, "X-Correlation-Id").Should().MatchRegex("^[0-9a-f]{32}$");
    }

    [Fact]
    public async Task Not_found_page_of_a_signed_in_user_carries_the_security_headers()
    {
        await portal.CreateUserAsync("headers-404@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("headers-404@test.local");

        var response = await client.GetAsync("/no-such-page");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        Header(response, "Content-Security-Policy").Should().Contain("default-src 'self'");
        Header(response, "X-Content-Type-Options").Should().Be("nosniff");
        Header(response, "Referrer-Policy").Should().Be("no-referrer");
        Header(response, "X-Correlation-Id").Should().NotBeEmpty();
    }

    [Fact]
    public async Task Https_responses_carry_HSTS_outside_development()
    {
        // HSTS is never sent to localhost (the browser would pin it for every local project), so ask by a real name.
        var client = portal.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            BaseAddress = new Uri("https://portal.migrantaid.test"),
        });

        var response = await client.GetAsync("/account/login");

        Header(response, "Strict-Transport-Security").Should().MatchRegex("^max-age=[0-9]+");
        var maxAge = int.Parse(Header(response, "Strict-Transport-Security").Split(';')[0]["max-age=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        maxAge.Should().BeGreaterThanOrEqualTo(365 * 24 * 3600, "browsers and scanners expect HSTS to last at least a year");
    }

    [Fact]
    public async Task Auth_cookie_is_http_only_secure_and_same_site_lax()
    {
        await portal.CreateUserAsync("headers-cookie@test.local", Roles.Caseworker);

        var response = await portal.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = "headers-cookie@test.local",
            ["Password"] = PortalFactory.Password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MigrantAid.Auth=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().Contain("; httponly").And.Contain("; secure").And.Contain("; samesite=lax").And.Contain("; path=/");
        cookie.Should().NotContain("expires=", "the session cookie ends with the browser session");
    }

    [Fact]
    public async Task Antiforgery_cookie_is_http_only_secure_and_same_site_strict()
    {
        var response = await portal.NewClient().GetAsync("/account/login");

        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("MigrantAid.Antiforgery=", StringComparison.Ordinal)).ToLowerInvariant();
        cookie.Should().Contain("; httponly").And.Contain("; secure").And.Contain("; samesite=strict");
    }

    [Fact]
    public async Task Signed_in_pages_are_not_stored_by_caches()
    {
        await portal.CreateUserAsync("headers-cache@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("headers-cache@test.local");

        foreach (var url in new[] { "/", "/no-such-page" })
        {
            var response = await client.GetAsync(url);
            response.Headers.CacheControl.Should().NotBeNull(url);
            response.Headers.CacheControl!.NoStore.Should().BeTrue(url);
        }
    }

    [Fact]
    public async Task Static_files_stay_cacheable()
    {
        await portal.CreateUserAsync("headers-static@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("headers-static@test.local");

        var response = await client.GetAsync("/css/site.css");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (response.Headers.CacheControl?.NoStore ?? false).Should().BeFalse("static files hold nothing personal");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{name} is missing on {response.RequestMessage!.RequestUri} ({(int)response.StatusCode})");
}
