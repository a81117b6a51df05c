using System.Globalization;
using System.Text.RegularExpressions;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ClientSearchTests(BrowserPortal portal)
{
    [Fact]
    public async Task Client_search_across_scripts_in_the_browser()
    {
        // Moscow: the clients the St Petersburg intake tests register stay out of this caseworker's sight.
        const string email = "browser3-caseworker-msk@test.local";
        const string cyrillic = "Рахимов Бахтиёр";
        await portal.CreateUserAsync(email, "Sevara Alimova", "Moscow", SupportedLanguages.English, Roles.Caseworker);
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(email);

        // Register the client in Cyrillic, through "find before you create".
        await page.GetByTestId("nav-clients").ClickAsync();
        await page.GetByTestId("register-client").ClickAsync();
        await FindAsync(page, cyrillic, 1988);
        await Expect(page.GetByTestId("no-candidates")).ToBeVisibleAsync();
        await page.GetByTestId("register-new").ClickAsync();
        var form = page.GetByTestId("client-form");
        await Expect(form.Locator("input[name=FullName]")).ToHaveValueAsync(cyrillic);
        await Expect(form.Locator("input[name=BirthYear]")).ToHaveValueAsync("1988");
        await form.Locator("select[name=Sex]").SelectOptionAsync("Male");
        await form.Locator("select[name=Citizenship]").SelectOptionAsync("UZ");
        await form.GetByTestId("save-client").ClickAsync();

        var clientUrl = new Regex("^" + Regex.Escape(new Uri(portal.BaseUri, "/clients/").ToString()) + "(?<id>[0-9a-f-]{36})$");
        await Expect(page).ToHaveURLAsync(clientUrl);
        var clientId = clientUrl.Match(page.Url).Groups["id"].Value;
        await Expect(page.GetByTestId("client-name")).ToHaveTextAsync(cyrillic);
        await Expect(page.GetByTestId("client-latin")).ToHaveTextAsync(new Regex("Rakhimov", RegexOptions.IgnoreCase));

        // A work patent and an entry into Russia, for the client page of the guide.
        await page.GetByTestId("add-document").ClickAsync();
        var document = page.GetByTestId("document-form");
        await document.Locator("select[name=Type]").SelectOptionAsync("WorkPatent");
        await document.Locator("input[name=Number]").FillAsync("78 2400113579");
        await document.Locator("select[name=IssuingCountry]").SelectOptionAsync("RU");
        await document.Locator("input[name=IssuedOn]").FillAsync(Iso(today.AddDays(-200)));
        await document.Locator("input[name=ExpiresOn]").FillAsync(Iso(today.AddDays(165)));
        await document.GetByTestId("save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/clients/" + clientId).ToString());
        await Expect(page.GetByTestId("document")).ToContainTextAsync(new[] { "Work patent or permit" });

        await page.GetByTestId("add-stay").ClickAsync();
        var stay = page.GetByTestId("stay-form");
        await stay.Locator("select[name=Country]").SelectOptionAsync("RU");
        await stay.Locator("input[name=EntryDate]").FillAsync(Iso(today.AddDays(-40)));
        await stay.GetByTestId("save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/clients/" + clientId).ToString());
        await Expect(page.GetByTestId("stay")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("stay-calculator")).ToBeVisibleAsync();
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "client-page.png");

        // Typed in Latin letters, the same person is offered before a second record is made.
        await page.GotoAsync("/clients/new");
        await FindAsync(page, "Rakhimov Bakhtiyor", 1988);
        var candidate = page.Locator($"[data-testid=candidate][data-client-id='{clientId}']");
        await Expect(candidate.GetByTestId("candidate-name")).ToHaveTextAsync(cyrillic);
        await Expect(candidate.GetByTestId("candidate-reasons")).ToContainTextAsync("Same name, in another script or spelling");
        await Expect(candidate.GetByTestId("candidate-reasons")).ToContainTextAsync("Same year of birth");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "client-register-duplicates.png");

        // And the client list finds them by the Latin spelling.
        await page.GetByTestId("nav-clients").ClickAsync();
        await page.Locator("input#q").FillAsync("Rakhimov");
        await page.GetByTestId("clients-search-submit").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/clients\?q=Rakhimov(&situation=)?$"));
        var row = page.Locator($"[data-testid=client-row][data-client-id='{clientId}']");
        await Expect(row.GetByTestId("client-name")).ToHaveTextAsync(cyrillic);
        await Expect(row.GetByTestId("client-birth")).ToContainTextAsync("1988");

        await page.GotoAsync("/clients?q=Nobodyova");
        await Expect(page.GetByTestId("no-clients")).ToBeVisibleAsync();
        session.ConsoleErrors.Should().BeEmpty();
    }

    private static async Task FindAsync(IPage page, string name, int birthYear)
    {
        var form = page.GetByTestId("find-client-form");
        await form.Locator("input[name=FullName]").FillAsync(name);
        await form.Locator("input[name=BirthYear]").FillAsync(birthYear.ToString(CultureInfo.InvariantCulture));
        await form.GetByTestId("find-duplicates").ClickAsync();
        await Expect(page.Locator("#candidates-heading")).ToBeVisibleAsync();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
