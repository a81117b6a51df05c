using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.TwoFactor;

namespace MigrantAid.Tests.Security;

/// <summary>The portal with the production default of Security:TwoFactor:RequiredRoles (PortalFactory turns it off).</summary>
public sealed class TwoFactorPortal : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { [TwoFactorPolicy.RequiredRolesKey] = null };
}

public class TwoFactorRequiredTests(TwoFactorPortal portal) : IClassFixture<TwoFactorPortal>
{
    private const string Enrolment = "/profile/authenticator";

    [Theory]
    [InlineData(Roles.Admin, "2fa-admin@test.local", "/users")]
    [InlineData(Roles.Coordinator, "2fa-coordinator@test.local", "/cases")]
    public async Task Required_role_is_sent_to_enrolment_until_it_enrols_and_then_signs_in_with_a_code(string role, string email, string rolePage)
    {
        var pages = new[] { "/", rolePage, role == Roles.Admin ? "/audit" : "/dashboard", "/profile" };
        await portal.CreateUserAsync(email, role);
        var client = await portal.SignedInClientAsync(email);

        foreach (var page in pages)
        {
            var response = await client.GetAsync(page);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, page);
            response.Headers.Location!.ToString().Should().Be(Enrolment, page);
        }

        var setup = await client.GetDocumentAsync(Enrolment);
        setup.QuerySelector("[data-testid=two-factor-required]").Should().NotBeNull("the page says why the user is there");
        var token = setup.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await client.PostAsync("/profile/password", new FormUrlEncodedContent(
        [
            new KeyValuePair<string, string>("__RequestVerificationToken", token),
            new KeyValuePair<string, string>("CurrentPassword", PortalFactory.Password),
        ]));
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden, "a form elsewhere is refused before enrolment");

        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var enrolled = await client.SubmitFormAsync(Enrolment, new Dictionary<string, string> { ["Code"] = Totp.Code(key, portal.Clock.GetUtcNow()) });

        enrolled.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = HttpForms.Parse(await enrolled.Content.ReadAsStringAsync());
        codes.QuerySelectorAll("[data-testid=recovery-codes] li").Should().HaveCount(10);
        codes.QuerySelector("[data-testid=recovery-codes-saved]")!.GetAttribute("href").Should().Be("/", "after the codes the user goes home");
        foreach (var page in pages)
        {
            (await client.GetAsync(page)).StatusCode.Should().Be(HttpStatusCode.OK, "{0} opens once enrolled, in the same session", page);
        }

        (await client.SubmitFormAsync("/profile", [], "/account/logout")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var login = await portal.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = PortalFactory.Password,
        });
        login.Headers.Location!.ToString().Should().StartWith("/account/login-2fa", "the next sign-in asks for the code");
    }

    [Fact]
    public async Task Sign_out_language_health_and_error_pages_stay_open_before_enrolment()
    {
        await portal.CreateUserAsync("2fa-open@test.local", Roles.Coordinator);
        var client = await portal.SignedInClientAsync("2fa-open@test.local");

        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/error/404")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await client.SubmitFormAsync(Enrolment, new Dictionary<string, string> { ["culture"] = "ru" }, "/language"))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/profile/authenticator/qr.png")).StatusCode.Should().Be(HttpStatusCode.OK);

        var signOut = await client.SubmitFormAsync(Enrolment, [], "/account/logout");

        signOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        signOut.Headers.Location!.ToString().Should().Contain("/account/login");
        (await client.GetAsync(Enrolment)).Headers.Location!.ToString().Should().Contain("/account/login", "signed out");
    }

    [Fact]
    public async Task Lawyer_and_caseworker_are_not_required_by_default()
    {
        await portal.CreateUserAsync("2fa-lawyer@test.local", Roles.Lawyer);
        await portal.CreateUserAsync("2fa-caseworker@test.local", Roles.Caseworker);

        (await (await portal.SignedInClientAsync("2fa-lawyer@test.local")).GetAsync("/cases")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await (await portal.SignedInClientAsync("2fa-caseworker@test.local")).GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Demo_account_is_not_exempt_without_demo_seeding()
    {
        await portal.CreateUserAsync(DemoSeeder.TwoFactorExemptEmails[1], Roles.Coordinator);
        var client = await portal.SignedInClientAsync(DemoSeeder.TwoFactorExemptEmails[1]);

        (await client.GetAsync("/cases")).Headers.Location!.ToString().Should().Be(Enrolment);
    }

    [Fact]
    public async Task Every_role_is_required_when_the_setting_says_so()
    {
        var everyone = new ConfiguredPortal(new Dictionary<string, string?> { [TwoFactorPolicy.RequiredRolesKey] = "*" });
        await everyone.InitializeAsync();
        try
        {
            await everyone.CreateUserAsync("2fa-all-lawyer@test.local", Roles.Lawyer);

            var response = await (await everyone.SignedInClientAsync("2fa-all-lawyer@test.local")).GetAsync("/cases");

            response.StatusCode.Should().Be(HttpStatusCode.Redirect);
            response.Headers.Location!.ToString().Should().Be(Enrolment);
        }
        finally
        {
            await everyone.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_demo_seeding_the_five_demo_accounts_are_exempt_and_the_sixth_admin_is_not()
    {
        var demo = new ConfiguredPortal(new Dictionary<string, string?>
        {
            [TwoFactorPolicy.RequiredRolesKey] = null,
            ["Demo:Seed"] = "true",
        });
        await demo.InitializeAsync();
        try
        {
            foreach (var email in new[] { "admin@demo.local", "coordinator@demo.local" })
            {
                var exempt = await demo.SignedInClientAsync(email, DemoSeeder.Password);
                (await exempt.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK, "{0} is exempt where demo data is seeded", email);
            }

            var sixth = await demo.SignedInClientAsync("admin2fa@demo.local", DemoSeeder.Password);
            (await sixth.GetAsync("/")).Headers.Location!.ToString().Should().Be(Enrolment);
        }
        finally
        {
            await demo.DisposeAsync();
        }
    }
}
