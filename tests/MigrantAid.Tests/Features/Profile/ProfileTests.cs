using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Features.Profile;

public class ProfileTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private const string NewPassword = "N3w-Passw0rd!x";

    [Fact]
    public async Task Profile_page_shows_own_account_and_links()
    {
        await portal.CreateUserAsync("profile-show@test.local", Roles.Lawyer, Roles.Caseworker);
        var client = await portal.SignedInClientAsync("profile-show@test.local");

        var page = await client.GetDocumentAsync("/profile");

        page.QuerySelector("[data-testid=profile-name]")!.TextContent.Should().Be("Test profile-show");
        page.QuerySelector("[data-testid=profile-email]")!.TextContent.Should().Be("profile-show@test.local");
        page.QuerySelector("[data-testid=profile-roles]")!.TextContent.Should().Contain("Lawyer").And.Contain("Caseworker");
        page.QuerySelector("[data-testid=profile-language]")!.TextContent.Should().Contain("English");
        page.QuerySelector("[data-testid=profile-two-factor]")!.TextContent.Should().Contain("off");
        page.QuerySelectorAll("a[href='/profile/password']").Should().ContainSingle("the profile links to the password page");
        page.QuerySelectorAll("a[href='/profile/authenticator']").Should().ContainSingle("the profile links to the authenticator page");
    }

    [Fact]
    public async Task Change_password_with_wrong_current_password_is_refused_at_the_field()
    {
        var user = await portal.CreateUserAsync("pw-wrong@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("pw-wrong@test.local");

        var response = await client.SubmitFormAsync("/profile/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not-my-password",
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=CurrentPassword]")!.TextContent.Should().Contain("current password is not correct");
        page.QuerySelector("[data-valmsg-for=NewPassword]")!.TextContent.Should().BeEmpty();
        foreach (var field in new[] { "CurrentPassword", "NewPassword", "ConfirmPassword" })
        {
            page.QuerySelector($"input[name={field}]")!.GetAttribute("value").Should().BeNullOrEmpty("passwords are never sent back");
        }

        (await portal.AuditAsync(AuditActions.PasswordChanged)).Should().NotContain(a => a.ActorId == user.Id);
        await portal.SignedInClientAsync("pw-wrong@test.local");
    }

    [Fact]
    public async Task Change_password_rule_failures_are_shown_at_the_new_password()
    {
        await portal.CreateUserAsync("pw-rules@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("pw-rules@test.local");

        var response = await client.SubmitFormAsync("/profile/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = "onlylowercaseletters",
            ["ConfirmPassword"] = "onlylowercaseletters",
        });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await response.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=NewPassword]")!.TextContent.Should().Contain("symbol");
        page.QuerySelector("[data-valmsg-for=CurrentPassword]")!.TextContent.Should().BeEmpty();
    }

    [Fact]
    public async Task Change_password_works_and_new_password_signs_in_and_is_audited()
    {
        var user = await portal.CreateUserAsync("pw-ok@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("pw-ok@test.local");

        var response = await client.SubmitFormAsync("/profile/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = PortalFactory.Password,
            ["NewPassword"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/profile");
        ReissuesSignInCookie(response).Should().BeTrue("the new security stamp must not end this session");
        var profile = await client.GetAsync("/profile");
        profile.StatusCode.Should().Be(HttpStatusCode.OK, "the session that changed the password stays signed in");
        (await profile.Content.ReadAsStringAsync()).Should().Contain("Your password has been changed.");

        await portal.SignedInClientAsync("pw-ok@test.local", NewPassword);
        var withOld = await portal.NewClient().SubmitFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Email"] = "pw-ok@test.local",
            ["Password"] = PortalFactory.Password,
        });
        withOld.StatusCode.Should().Be(HttpStatusCode.OK, "the old password no longer works");

        var audit = (await portal.AuditAsync(AuditActions.PasswordChanged)).Should().ContainSingle(a => a.ActorId == user.Id).Subject;
        audit.EntityId.Should().Be(user.Id.ToString());
        (audit.Details ?? "").Should().NotContain(NewPassword).And.NotContain(PortalFactory.Password);
    }

    [Fact]
    public async Task Enrol_authenticator_then_sign_in_requires_code()
    {
        var user = await portal.CreateUserAsync("tfa-enrol@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("tfa-enrol@test.local");

        var setup = await client.GetDocumentAsync("/profile/authenticator");
        setup.QuerySelector("img[src='/profile/authenticator/qr.png']")!.GetAttribute("alt").Should().NotBeNullOrWhiteSpace();
        var shown = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Trim();
        shown.Split(' ').Should().OnlyContain(g => g.Length <= 4).And.HaveCountGreaterThan(4, "the key is shown in groups of four");
        var key = shown.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        (await client.GetDocumentAsync("/profile/authenticator")).QuerySelector("[data-testid=shared-key]")!.TextContent.Trim()
            .Should().Be(shown, "reloading the page keeps the key being scanned");

        var wrong = await client.SubmitFormAsync("/profile/authenticator", Fields(("Code", Totp.WrongCode(key, Now))));
        wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        var wrongPage = HttpForms.Parse(await wrong.Content.ReadAsStringAsync());
        wrongPage.QuerySelector("[data-valmsg-for=Code]")!.TextContent.Should().Contain("code is not correct");
        (await TwoFactorEnabledAsync(user.Id)).Should().BeFalse();

        var enabled = await client.SubmitFormAsync("/profile/authenticator", Fields(("Code", Totp.Code(key, Now))));
        enabled.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = RecoveryCodes(HttpForms.Parse(await enabled.Content.ReadAsStringAsync()));
        codes.Should().HaveCount(10).And.OnlyHaveUniqueItems();
        (await TwoFactorEnabledAsync(user.Id)).Should().BeTrue();
        ReissuesSignInCookie(enabled).Should().BeTrue("enabling renews the security stamp, so this session's cookie is re-issued");
        (await client.GetAsync("/profile")).StatusCode.Should().Be(HttpStatusCode.OK, "the enrolling session stays signed in");
        (await client.GetDocumentAsync("/profile/authenticator")).QuerySelector("[data-testid=shared-key]")
            .Should().BeNull("the key is not shown again once enrolled");
        (await client.GetAsync("/profile/authenticator/qr.png")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        await SignOutAsync(client);
        var login = await PasswordStepAsync(client, "tfa-enrol@test.local");
        login.Headers.Location!.ToString().Should().StartWith("/account/login-2fa");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the password alone does not sign in");

        var refused = await client.SubmitFormAsync("/account/login-2fa", Fields(("Code", Totp.WrongCode(key, Now))));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        HttpForms.Parse(await refused.Content.ReadAsStringAsync())
            .QuerySelector("[data-valmsg-for=Code]")!.TextContent.Should().Contain("code is not correct");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var accepted = await client.SubmitFormAsync("/account/login-2fa", Fields(("Code", Totp.Code(key, Now))));
        accepted.StatusCode.Should().Be(HttpStatusCode.Redirect);
        accepted.Headers.Location!.ToString().Should().Be("/");
        (await client.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await portal.AuditAsync(AuditActions.TwoFactorEnabled)).Should().ContainSingle(a => a.ActorId == user.Id);
        (await portal.AuditAsync(AuditActions.SignInFailed))
            .Should().Contain(a => a.ActorId == user.Id && (a.Details ?? "").Contains("wrong-second-factor"));
        (await portal.AuditAsync(AuditActions.SignInSucceeded))
            .Should().Contain(a => a.ActorId == user.Id && (a.Details ?? "").Contains("authenticator"));
    }

    [Fact]
    public async Task Recovery_code_signs_in_once()
    {
        var user = await portal.CreateUserAsync("tfa-recovery@test.local", Roles.Caseworker);
        var (_, codes) = await EnrolAsync(await portal.SignedInClientAsync("tfa-recovery@test.local"));

        var first = portal.NewClient();
        await PasswordStepAsync(first, "tfa-recovery@test.local");
        var used = await first.SubmitFormAsync("/account/login-2fa", Fields(("Code", codes[3]), ("IsRecoveryCode", "true")));
        used.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await first.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.GetDocumentAsync("/profile/authenticator")).QuerySelector("[data-testid=recovery-codes-left]")!
            .TextContent.Should().Contain("9");

        var second = portal.NewClient();
        await PasswordStepAsync(second, "tfa-recovery@test.local");
        var reused = await second.SubmitFormAsync("/account/login-2fa", Fields(("Code", codes[3]), ("IsRecoveryCode", "true")));
        reused.StatusCode.Should().Be(HttpStatusCode.OK, "a recovery code works once");
        (await second.GetAsync("/")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await portal.AuditAsync(AuditActions.SignInSucceeded))
            .Should().ContainSingle(a => a.ActorId == user.Id && (a.Details ?? "").Contains("recovery-code"));
    }

    [Fact]
    public async Task New_recovery_codes_replace_the_old_ones()
    {
        var user = await portal.CreateUserAsync("tfa-regenerate@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("tfa-regenerate@test.local");
        var (_, oldCodes) = await EnrolAsync(client);

        var response = await client.SubmitFormAsync("/profile/authenticator", [], "/profile/authenticator/recovery-codes");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var newCodes = RecoveryCodes(HttpForms.Parse(await response.Content.ReadAsStringAsync()));
        newCodes.Should().HaveCount(10).And.NotIntersectWith(oldCodes);
        var other = portal.NewClient();
        await PasswordStepAsync(other, "tfa-regenerate@test.local");
        (await other.SubmitFormAsync("/account/login-2fa", Fields(("Code", oldCodes[0]), ("IsRecoveryCode", "true"))))
            .StatusCode.Should().Be(HttpStatusCode.OK, "old codes stop working");
        (await other.SubmitFormAsync("/account/login-2fa", Fields(("Code", newCodes[0]), ("IsRecoveryCode", "true"))))
            .StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await portal.AuditAsync(AuditActions.RecoveryCodesRegenerated)).Should().ContainSingle(a => a.ActorId == user.Id);
    }

    [Fact]
    public async Task Qr_code_is_a_png_image()
    {
        await portal.CreateUserAsync("tfa-qr@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("tfa-qr@test.local");
        await client.GetDocumentAsync("/profile/authenticator");

        var response = await client.GetAsync("/profile/authenticator/qr.png");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the image carries the shared secret");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Should().HaveCountGreaterThan(100);
        bytes.Take(8).Should().Equal(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A);
        (await portal.NewClient().GetAsync("/profile/authenticator/qr.png")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Disable_authenticator_requires_password()
    {
        var user = await portal.CreateUserAsync("tfa-disable@test.local", Roles.Lawyer);
        var client = await portal.SignedInClientAsync("tfa-disable@test.local");
        var (oldKey, _) = await EnrolAsync(client);

        var refused = await client.SubmitFormAsync("/profile/authenticator", Fields(("Password", "not-my-password")), "/profile/authenticator/disable");
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        var page = HttpForms.Parse(await refused.Content.ReadAsStringAsync());
        page.QuerySelector("[data-valmsg-for=Password]")!.TextContent.Should().Contain("password is not correct");
        page.QuerySelector("input[name=Password]")!.GetAttribute("value").Should().BeNullOrEmpty();
        (await TwoFactorEnabledAsync(user.Id)).Should().BeTrue();

        var empty = await client.SubmitFormAsync("/profile/authenticator", Fields(("Password", "")), "/profile/authenticator/disable");
        empty.StatusCode.Should().Be(HttpStatusCode.OK);
        (await TwoFactorEnabledAsync(user.Id)).Should().BeTrue();

        var done = await client.SubmitFormAsync("/profile/authenticator", Fields(("Password", PortalFactory.Password)), "/profile/authenticator/disable");
        done.StatusCode.Should().Be(HttpStatusCode.Redirect);
        ReissuesSignInCookie(done).Should().BeTrue();
        (await TwoFactorEnabledAsync(user.Id)).Should().BeFalse();
        (await portal.AuditAsync(AuditActions.TwoFactorDisabled)).Should().ContainSingle(a => a.ActorId == user.Id);
        (await client.GetAsync("/profile")).StatusCode.Should().Be(HttpStatusCode.OK, "the session stays signed in");
        var newKey = (await client.GetDocumentAsync("/profile/authenticator")).QuerySelector("[data-testid=shared-key]")!.TextContent;
        newKey.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant().Should().NotBe(oldKey, "the old key is discarded");

        await SignOutAsync(client);
        var login = await PasswordStepAsync(client, "tfa-disable@test.local");
        login.Headers.Location!.ToString().Should().Be("/", "the password alone signs in again");
    }

    [Fact]
    public async Task Language_choice_is_remembered_per_user()
    {
        await portal.CreateUserAsync("lang-user@test.local", Roles.Caseworker);
        var client = await portal.SignedInClientAsync("lang-user@test.local");

        var response = await client.SubmitFormAsync("/", Fields(("culture", "ru"), ("returnUrl", "/profile")), "/language");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Be("/profile");
        ReissuesSignInCookie(response).Should().BeTrue("the new security stamp must not end this session");
        (await portal.WithDbAsync(db => db.Users.Where(u => u.Email == "lang-user@test.local").Select(u => u.PreferredLanguage).SingleAsync()))
            .Should().Be("ru");
        (await client.GetDocumentAsync("/profile")).QuerySelector("[data-testid=profile-language]")!.TextContent.Should().Contain("Русский");

        var elsewhere = await portal.SignedInClientAsync("lang-user@test.local");
        var home = await elsewhere.GetDocumentAsync("/");
        home.DocumentElement.GetAttribute("lang").Should().Be("ru", "a new browser, without the language cookie, gets the user's language");
    }

    [Fact]
    public async Task Language_cookie_applies_before_sign_in()
    {
        var client = portal.NewClient();
        (await client.GetDocumentAsync("/account/login")).DocumentElement.GetAttribute("lang").Should().Be("en");

        var response = await client.SubmitFormAsync("/account/login", Fields(("culture", "ru"), ("returnUrl", "/account/login")), "/language");

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetDocumentAsync("/account/login")).DocumentElement.GetAttribute("lang").Should().Be("ru");
    }

    [Fact]
    public void Totp_helper_matches_the_rfc_6238_test_vector()
    {
        // RFC 6238 appendix B, SHA-1 seed "12345678901234567890" at T = 59 s: 94287082 (last six digits).
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(59)).Should().Be("287082");
        Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(1111111109)).Should().Be("081804");
    }

    private DateTimeOffset Now => portal.Clock.GetUtcNow();

    private static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);

    private static List<string> RecoveryCodes(IHtmlDocument page) =>
        page.QuerySelectorAll("[data-testid=recovery-codes] li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>Enrols the signed-in client's user as an authenticator app would; returns the key and recovery codes.</summary>
    private async Task<(string Key, List<string> Codes)> EnrolAsync(HttpClient client)
    {
        var setup = await client.GetDocumentAsync("/profile/authenticator");
        var key = setup.QuerySelector("[data-testid=shared-key]")!.TextContent.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var response = await client.SubmitFormAsync("/profile/authenticator", Fields(("Code", Totp.Code(key, Now))));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var codes = RecoveryCodes(HttpForms.Parse(await response.Content.ReadAsStringAsync()));
        codes.Should().HaveCount(10);
        return (key, codes);
    }

    private static bool ReissuesSignInCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith("MigrantAid.Auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));

    private static async Task<HttpResponseMessage> PasswordStepAsync(HttpClient client, string email)
    {
        var response = await client.SubmitFormAsync("/account/login", Fields(("Email", email), ("Password", PortalFactory.Password)));
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        return response;
    }

    private static async Task SignOutAsync(HttpClient client)
    {
        var response = await client.SubmitFormAsync("/profile", [], "/account/logout");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await client.GetAsync("/profile")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private Task<bool> TwoFactorEnabledAsync(Guid userId) =>
        portal.WithDbAsync(db => db.Users.Where(u => u.Id == userId).Select(u => u.TwoFactorEnabled).SingleAsync());
}
