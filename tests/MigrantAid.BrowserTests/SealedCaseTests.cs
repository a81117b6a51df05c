using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>Issue 15, point 5 in the browser: a coordinator seals a case, gives the reason for viewing it, and sees who is named.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SealedCaseTests(BrowserPortal portal)
{
    [Fact]
    public async Task A_coordinator_seals_a_case_and_opens_it_again_with_a_reason()
    {
        const string email = "browser-sealing-coord@test.local";
        var lawyer = await portal.CreateUserAsync("browser-sealing-lawyer@test.local", "Aziza Yuristova", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        await portal.CreateUserAsync(email, "Marina Pechatnova", "St Petersburg", SupportedLanguages.English, Roles.Coordinator);
        var seeded = await portal.OpenCaseAsync("St Petersburg", "Tursunova Malika", lawyer.Id, "Trafficking: a witness in the criminal case");

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(email);
        await page.GotoAsync($"/cases/{seeded.Id}");
        await page.GetByTestId("seal-case").ClickAsync();

        // The form proposes the case's lead lawyer and the sealing coordinator, ticked.
        var form = page.GetByTestId("seal-form");
        await Expect(form.GetByLabel("Aziza Yuristova (St Petersburg)")).ToBeCheckedAsync();
        await Expect(form.GetByLabel("Marina Pechatnova (St Petersburg) · Coordinator")).ToBeCheckedAsync();
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await page.GetByTestId("save-seal").ClickAsync();

        // Named on the case, the coordinator is asked why before it opens again; an empty reason is refused at the field.
        await Expect(page.GetByTestId("reason-form")).ToBeVisibleAsync();
        await Expect(page.GetByText("Tursunova Malika")).ToHaveCountAsync(0);
        await page.GetByTestId("give-reason").ClickAsync();
        await Expect(page.GetByTestId("Reason-error")).ToHaveTextAsync("Say why you are opening this sealed case.");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await page.GetByTestId("reason-text").FillAsync("Checking who is named before the witness is heard");
        await page.GetByTestId("give-reason").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/cases/" + seeded.Id).ToString());
        await Expect(page.GetByTestId("case-sealed")).ToHaveTextAsync("Sealed");
        await Expect(page.GetByTestId("sealed-notice")).ToContainTextAsync("Aziza Yuristova");
        await Expect(page.GetByTestId("sealed-notice")).ToContainTextAsync("Marina Pechatnova");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "sealed-case.png");
        session.ConsoleErrors.Should().BeEmpty();
    }
}
