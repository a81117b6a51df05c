using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class TwoFactorEnrolmentTests(BrowserPortal portal)
{
    /// <summary>The sixth demo administrator exists to show this flow (the five others are exempt); no other test uses it.</summary>
    [Fact]
    public async Task Demo_administrator_without_a_second_factor_enrols_before_anything_else()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await session.SignInAsync("admin2fa@demo.local");

        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/profile/authenticator").ToString());
        await Expect(page.GetByTestId("two-factor-required")).ToBeVisibleAsync();
        await page.GotoAsync("/users");
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/profile/authenticator").ToString());
        await Expect(page.GetByTestId("qr-code")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "two-factor-enrol.png");

        var key = (await page.GetByTestId("shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await page.Locator("input[name=Code]").FillAsync(Totp.Code(key, portal.Clock.GetUtcNow()));
        await page.GetByTestId("enable-two-factor").ClickAsync();

        await Expect(page.GetByTestId("two-factor-enabled")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("recovery-codes").Locator("li")).ToHaveCountAsync(10);
        await page.GetByTestId("recovery-codes-saved").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/").ToString());
        await Expect(page.GetByTestId("nav-users")).ToBeVisibleAsync();

        await page.GotoAsync("/profile");
        await Expect(page.GetByTestId("session-current")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "profile-sessions.png");
    }
}
