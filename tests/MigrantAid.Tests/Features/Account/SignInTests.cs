using System.Net;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Account;

public class SignInTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Correct_password_signs_in_and_is_audited()
    {
        var user = await portal.CreateUserAsync("signin-ok@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("signin-ok@test.local");

        var home = await client.GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.OK);
        (await home.Content.ReadAsStringAsync()).Should().Contain(user.FullName);
        (await portal.AuditAsync(AuditActions.SignInSucceeded)).Should().Contain(a => a.ActorId == user.Id);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message_and_audited()
    {
        var user = await portal.CreateUserAsync("signin-bad@test.local", Roles.Lawyer);
        var client = portal.NewClient();

        var response = await client.SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = "signin-bad@test.local",
            ["Password"] = "not-the-password",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-testid=form-errors]")!.TextContent.Should().Contain("not correct");
        page.QuerySelector("input[name=Email]")!.GetAttribute("value").Should().Be("signin-bad@test.local", "what the user typed is kept");
        (await portal.AuditAsync(AuditActions.SignInFailed)).Should().Contain(a => a.ActorId == user.Id);
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/users")]
    [InlineData("/offices")]
    [InlineData("/audit")]
    [InlineData("/profile")]
    [InlineData("/no-such-page")]
    public async Task Anonymous_user_is_sent_to_sign_in(string url)
    {
        var response = await portal.NewClient().GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/login");
    }
}
