using MigrantAid.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class PageQualityTests(BrowserPortal portal)
{
    [Fact]
    public async Task Pages_have_no_console_errors_and_basic_accessibility()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        var login = await page.GotoAsync("/account/login");
        login!.Status.Should().Be(200);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        session.ConsoleErrors.Should().BeEmpty("the login page should load without script, style or CSP errors");
        await Screenshots.SaveAsync(page, "login.png");

        await session.SignInAsync("lawyer2@demo.local");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        session.ConsoleErrors.Should().BeEmpty("the home page should load without script, style or CSP errors");
    }

    [Fact]
    public async Task Navigation_collapses_on_a_phone_and_opens_with_the_menu_button()
    {
        await using var session = await portal.OpenAsync(width: 390, height: 844);
        var page = session.Page;
        await session.SignInAsync("admin@demo.local");
        await page.GetByTestId("nav").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Attached });

        await Expect(page.GetByTestId("nav-users")).ToBeHiddenAsync();
        var toggler = page.Locator("button.navbar-toggler");
        await Expect(toggler).ToBeVisibleAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "false");

        await toggler.ClickAsync();

        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByTestId("nav-users")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToBeVisibleAsync();
        await session.OpenUserMenuAsync();
        await Expect(page.GetByTestId("sign-out")).ToBeVisibleAsync();
        // Bootstrap animates the opening; the picture is taken once it has settled.
        await Expect(page.Locator("#main-nav.collapse.show")).ToBeVisibleAsync();
        session.ConsoleErrors.Should().BeEmpty();
        await Screenshots.SaveAsync(page, "home-phone.png");
    }

    [Theory]
    [InlineData("/offices", "offices.png")]
    [InlineData("/audit", "audit-log.png")]
    [InlineData("/privacy", "privacy.png")]
    [InlineData("/profile", "profile.png")]
    public async Task Admin_pages_open_cleanly_for_the_user_guide(string path, string screenshot)
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("admin@demo.local");

        var response = await page.GotoAsync(path);

        response!.Status.Should().Be(200, "{0} should open for an administrator", path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        session.ConsoleErrors.Should().BeEmpty("{0} should load without script, style or CSP errors", path);
        await Screenshots.SaveAsync(page, screenshot);
    }
}
