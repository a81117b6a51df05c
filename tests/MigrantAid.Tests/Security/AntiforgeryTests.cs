using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Security;

/// <summary>A cross-site page can make the browser post; without the form's token nothing happens.</summary>
public class AntiforgeryTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Sign_in_without_token_is_refused_and_changes_nothing()
    {
        await portal.CreateUserAsync("csrf-login@test.local", Roles.Lawyer);
        var client = portal.NewClient();

        var response = await client.PostWithoutTokenAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = "csrf-login@test.local",
            ["Password"] = PortalFactory.Password,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        SetCookies(response).Should().NotContain(c => c.StartsWith("MigrantAid.Auth", StringComparison.Ordinal), "no session is started");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the client is not signed in");
        (await portal.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.ActorEmail == "csrf-login@test.local")))
            .Should().Be(0, "the handler never ran");
    }

    [Fact]
    public async Task Refusal_shows_the_friendly_page_with_a_reference()
    {
        var response = await portal.NewClient().PostWithoutTokenAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = "csrf-page@test.local",
            ["Password"] = "whatever",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("h1")?.TextContent.Should().Be("Something went wrong");
        page.QuerySelector("main")!.TextContent.Should().Contain("reload the page");
        page.QuerySelector("[data-testid=correlation-id]")!.TextContent.Should().Be(response.Headers.GetValues("X-Correlation-Id").Single());
    }

    [Fact]
    public async Task Sign_out_without_token_is_refused_and_keeps_the_session()
    {
        var user = await portal.CreateUserAsync("csrf-logout@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("csrf-logout@test.local");

        var response = await client.PostWithoutTokenAsync("/account/logout", []);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "the user is still signed in");
        (await portal.AuditAsync(AuditActions.SignedOut)).Should().NotContain(a => a.ActorId == user.Id);
    }

    [Fact]
    public async Task Language_change_without_token_is_refused_and_keeps_the_language()
    {
        var user = await portal.CreateUserAsync("csrf-language@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("csrf-language@test.local");

        var response = await client.PostWithoutTokenAsync("/language", new Dictionary<string, string>
        {
            ["culture"] = SupportedLanguages.Russian,
            ["returnUrl"] = "/",
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        SetCookies(response).Should().NotContain(c => c.StartsWith(".AspNetCore.Culture", StringComparison.Ordinal), "no culture cookie is set");
        (await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).PreferredLanguage
            .Should().Be(SupportedLanguages.English);
        var home = await client.GetDocumentAsync("/");
        home.DocumentElement.GetAttribute("lang").Should().Be("en");
    }

    [Fact]
    public async Task Language_change_with_token_works()
    {
        var user = await portal.CreateUserAsync("csrf-language-ok@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("csrf-language-ok@test.local");

        var response = await client.SubmitFormAsync("/", new Dictionary<string, string>
        {
            ["culture"] = SupportedLanguages.Russian,
            ["returnUrl"] = "/",
        }, "/language");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the control shows that the refusal above is about the token only");
        (await portal.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id))).PreferredLanguage
            .Should().Be(SupportedLanguages.Russian);
        SetCookies(response).Should().Contain(c => c.StartsWith(".AspNetCore.Culture=c%3Dru", StringComparison.Ordinal));
    }

    private static IEnumerable<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [];
}
