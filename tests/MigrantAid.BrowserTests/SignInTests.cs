using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserPortal portal)
{
    [Theory]
    [InlineData("admin@demo.local", "Aigerim Sadykova", "Bishkek", true, "home-admin.png")]
    [InlineData("coordinator@demo.local", "Elena Morozova", "St Petersburg", false, null)]
    [InlineData("lawyer@demo.local", "Timur Abdullaev", "St Petersburg", false, null)]
    [InlineData("lawyer2@demo.local", "Dana Zhaksylykova", "Almaty", false, "home-lawyer.png")]
    [InlineData("caseworker@demo.local", "Nigora Yusupova", "St Petersburg", false, null)]
    public async Task Each_demo_role_signs_in_and_sees_its_navigation(string email, string fullName, string office, bool isAdmin, string? screenshot)
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await session.SignInAsync(email);

        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/").ToString());
        await Expect(page.GetByTestId("nav")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync(fullName);
        await Expect(page.GetByTestId("current-user")).ToContainTextAsync(office);
        foreach (var adminLink in new[] { "nav-users", "nav-offices", "nav-audit" })
        {
            if (isAdmin)
            {
                await Expect(page.GetByTestId(adminLink)).ToBeVisibleAsync();
            }
            else
            {
                await Expect(page.GetByTestId(adminLink)).ToHaveCountAsync(0);
            }
        }

        if (isAdmin)
        {
            await Expect(page.GetByTestId("nav-users")).ToHaveAttributeAsync("href", "/users");
            await Expect(page.GetByTestId("nav-offices")).ToHaveAttributeAsync("href", "/offices");
            await Expect(page.GetByTestId("nav-audit")).ToHaveAttributeAsync("href", "/audit");
        }

        if (screenshot is not null)
        {
            await Screenshots.SaveAsync(page, screenshot);
        }
    }

    [Fact]
    public async Task Wrong_password_shows_message_on_login_page()
    {
        const string email = "browser-wrong-password@test.local";
        await portal.CreateUserAsync(email, "Rustam Wrongpassword", "Moscow", "en", Roles.Lawyer);
        await using var session = await portal.OpenAsync();
        var page = session.Page;

        await page.GotoAsync("/account/login");
        await page.Locator("input[name=Email]").FillAsync(email);
        await page.Locator("input[name=Password]").FillAsync("Not-the-passw0rd!");
        await page.GetByTestId("sign-in").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/account/login").ToString());
        await Expect(page.GetByTestId("form-errors")).ToContainTextAsync("The e-mail or password is not correct");
        await Expect(page.Locator("input[name=Email]")).ToHaveValueAsync(email);
        await Expect(page.Locator("input[name=Password]")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("current-user")).ToHaveCountAsync(0);

        await page.GotoAsync("/");
        await Expect(page.Locator("input[name=Email]")).ToBeVisibleAsync();
        page.Url.Should().StartWith(new Uri(portal.BaseUri, "/account/login").ToString(), "the user is still signed out");
    }
}
