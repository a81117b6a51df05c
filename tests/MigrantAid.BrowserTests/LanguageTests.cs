using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class LanguageTests(BrowserPortal portal)
{
    [Fact]
    public async Task Switching_to_Russian_shows_Russian_pages()
    {
        // An administrator of its own: the saved language must not leak into other tests' demo users.
        const string email = "browser-russian@test.local";
        await portal.CreateUserAsync(email, "Gulnara Ismailova", "Moscow", SupportedLanguages.English, Roles.Admin);
        await using (var session = await portal.OpenAsync())
        {
            var page = session.Page;
            await session.SignInAsync(email);
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

            await session.OpenUserMenuAsync();
            await ChooseLanguageAsync(page, "ru");

            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
            await ExpectRussianNavigationAsync(page);
            await Screenshots.SaveAsync(page, "home-ru.png");

            await session.SignOutAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
            await Expect(page.GetByTestId("sign-in")).ToHaveTextAsync("Войти");
        }

        // A new browser (no language cookie, English locale): the account remembers Russian.
        await using (var later = await portal.OpenAsync())
        {
            await later.SignInAsync(email);
            await Expect(later.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
            await ExpectRussianNavigationAsync(later.Page);
        }
    }

    private static async Task ExpectRussianNavigationAsync(IPage page)
    {
        await Expect(page.GetByTestId("nav-reference")).ToHaveTextAsync("Справочники");
        await Expect(page.GetByTestId("nav-users")).ToHaveTextAsync("Пользователи");
        await Expect(page.GetByTestId("nav-offices")).ToHaveTextAsync("Офисы");
        await Expect(page.GetByTestId("nav-audit")).ToHaveTextAsync("Журнал аудита");
        await Expect(page.GetByTestId("sign-out")).ToHaveTextAsync("Выйти");
    }

    /// <summary>
    /// Picks the language as a person does: the select submits itself on change (site.js); when it
    /// does not (no script), the button submits it.
    /// </summary>
    private static async Task ChooseLanguageAsync(IPage page, string culture)
    {
        await page.Locator("select#language-select").SelectOptionAsync(culture);
        var switched = page.Locator($"html[lang={culture}]");
        try
        {
            await switched.WaitForAsync(new LocatorWaitForOptions { Timeout = 3_000 });
        }
        catch (TimeoutException)
        {
            await page.GetByTestId("language-submit").ClickAsync();
        }

        await Expect(page.Locator("select#language-select")).ToHaveValueAsync(culture);
    }
}
