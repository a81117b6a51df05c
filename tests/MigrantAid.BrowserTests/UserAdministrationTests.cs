using MigrantAid.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class UserAdministrationTests(BrowserPortal portal)
{
    [Fact]
    public async Task Admin_creates_a_user_who_then_signs_in()
    {
        const string fullName = "Farrukh Nazarov";
        const string email = "browser-new-lawyer@test.local";
        const string password = "Fresh-Start-2026!";
        string link;

        await using (var admin = await portal.OpenAsync())
        {
            var page = admin.Page;
            await admin.SignInAsync("admin@demo.local");
            await page.GotoAsync("/users/create");
            await page.Locator("input[name=FullName]").FillAsync(fullName);
            await page.Locator("input[name=Email]").FillAsync(email);
            await page.Locator("select[name=OfficeId]").SelectOptionAsync(new SelectOptionValue { Label = "Moscow" });
            await page.Locator("select[name=PreferredLanguage]").SelectOptionAsync("en");
            await page.Locator("input[name=Roles][value=Lawyer]").CheckAsync();
            await Screenshots.SaveAsync(page, "user-create.png");
            await page.GetByTestId("create-user-submit").ClickAsync();

            var resetLink = page.GetByTestId("reset-link");
            await Expect(resetLink).ToBeVisibleAsync();
            link = await ReadLinkAsync(resetLink);
            link.Should().Contain("/account/reset-password", "the result page shows the one-time set-password link");
            await Screenshots.SaveAsync(page, "user-created-link.png");

            await page.GotoAsync("/users");
            await Expect(page.Locator("main")).ToContainTextAsync(email);
            await Screenshots.SaveAsync(page, "users-list.png");
        }

        // The new colleague opens the link in their own browser, signed out.
        await using (var newcomer = await portal.OpenAsync())
        {
            var page = newcomer.Page;
            await page.GotoAsync(new Uri(portal.BaseUri, link).ToString());
            await page.Locator("input[name=NewPassword]").FillAsync(password);
            await page.Locator("input[name=ConfirmPassword]").FillAsync(password);
            await page.Locator("form[action='/account/reset-password'] button[type=submit]").ClickAsync();
            await Expect(page.Locator("input[name=Email]")).ToBeVisibleAsync();
            page.Url.Should().StartWith(new Uri(portal.BaseUri, "/account/login").ToString());

            await newcomer.SignInAsync(email, password);

            await Expect(page.GetByTestId("current-user")).ToContainTextAsync(fullName);
            await Expect(page.GetByTestId("current-user")).ToContainTextAsync("Moscow");
            await Expect(page.GetByTestId("nav-users")).ToHaveCountAsync(0);
        }
    }

    /// <summary>The link may be shown as an anchor, in a read-only input (to copy) or as plain text.</summary>
    private static async Task<string> ReadLinkAsync(ILocator element)
    {
        var tag = await element.EvaluateAsync<string>("e => e.tagName.toLowerCase()");
        var text = tag switch
        {
            "a" => await element.GetAttributeAsync("href"),
            "input" or "textarea" => await element.InputValueAsync(),
            _ => await element.TextContentAsync(),
        };
        return text?.Trim() ?? "";
    }
}
