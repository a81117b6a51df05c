using System.Globalization;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>Issue 12 point 6 in the browser: a separated child recorded on the client, checked at the field, shown as a badge and found by the list filter.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ClientSituationTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_lawyer_records_a_separated_child_and_finds_the_case_by_the_situation_filter()
    {
        const string email = "browser-situation-lawyer@test.local";
        var lawyer = await portal.CreateUserAsync(email, "Nodira Karimova", "Bishkek", SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync("Bishkek", "Токтогулова Айгерим", lawyer.Id, "Child separated at the border");
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(email);

        await page.GotoAsync($"/clients/{seeded.ClientId}/edit");
        var form = page.GetByTestId("client-form");
        await form.Locator("input[name=BirthDate]").FillAsync(Iso(today.AddYears(-11)));
        await form.GetByTestId("vulnerability-SeparatedChild").CheckAsync();
        await form.GetByTestId("vulnerability-Undocumented").CheckAsync();
        await form.Locator("input[name=SeparatedOn]").FillAsync(Iso(today.AddDays(2)));
        await form.Locator("input[name=SeparatedFrom]").FillAsync("Mother, expelled to Kyrgyzstan");
        await form.GetByTestId("save-client").ClickAsync();

        // A date in the future is refused at its field, and what was typed stays.
        await Expect(page.Locator("#SeparatedOn-error")).ToHaveTextAsync("The date of separation cannot be in the future.");
        await Expect(page.Locator("input[name=SeparatedFrom]")).ToHaveValueAsync("Mother, expelled to Kyrgyzstan");
        await page.Locator("input[name=SeparatedOn]").FillAsync(Iso(today.AddDays(-20)));
        await page.GetByTestId("save-client").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/clients/" + seeded.ClientId).ToString());
        await Expect(page.GetByTestId("vulnerability-SeparatedChild")).ToHaveTextAsync("Separated child");
        await Expect(page.GetByTestId("vulnerability-Undocumented")).ToHaveTextAsync("No identity documents");
        await Expect(page.GetByTestId("client-separation")).ToContainTextAsync("Mother, expelled to Kyrgyzstan");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "client-situation.png");

        // The case list finds the case by its client's situation, with the badges in the row.
        await page.GotoAsync("/cases?scope=mine");
        await page.GetByTestId("filter-situation").SelectOptionAsync("separated");
        await page.GetByTestId("apply-filters").ClickAsync();
        var row = page.Locator($"[data-testid=case-row][data-case-id='{seeded.Id}']");
        await Expect(row.GetByTestId("vulnerability-SeparatedChild")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(1);
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "case-list-situation.png");
        session.ConsoleErrors.Should().BeEmpty();
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
