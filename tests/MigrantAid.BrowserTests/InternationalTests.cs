using System.Globalization;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// A lawyer takes a case to a UN committee and links it, as evidence, to a recommendation from the
/// register (the Kazakhstan 2019 UPR recommendations ship as reference data); both sides show the link.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class InternationalTests(BrowserPortal portal)
{
    private const string Office = "Almaty";

    [Fact]
    public async Task Lawyer_records_a_submission_to_a_committee_and_links_the_case_to_a_recommendation_seen_from_both_sides()
    {
        const string lawyerEmail = "browser4-intl-lawyer@test.local";
        var lawyer = await portal.CreateUserAsync(lawyerEmail, "Aigerim Bekova", Office, SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Tursunov Alisher", lawyer.Id, "School refused to enrol a migrant's daughter");
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(lawyerEmail);
        await page.GotoAsync($"/cases/{seeded.Id}");
        await page.GetByTestId("add-submission").ClickAsync();
        await page.Locator("#Body").SelectOptionAsync("CRC");
        await page.Locator("#Kind").SelectOptionAsync("IndividualCommunication");
        await page.Locator("#StateConcerned").SelectOptionAsync("KZ");
        await page.GetByTestId("input-SubmittedOn").FillAsync(Iso(today.AddDays(-40)));
        await page.GetByTestId("input-RegisteredOn").FillAsync(Iso(today.AddDays(-5)));
        await page.Locator("#BodyReference").FillAsync("CRC/C/95/D/201/2026");
        await page.Locator("#Result").SelectOptionAsync("Registered");
        await CheckPageAsync(session, "submission-form.png");
        await page.GetByTestId("save-submission").ClickAsync();

        await Expect(page.GetByTestId("submission-reference")).ToHaveTextAsync("CRC/C/95/D/201/2026");
        await page.GetByTestId("back-to-case").ClickAsync();
        await Expect(page.GetByTestId("case-submission")).ToContainTextAsync("Committee on the Rights of the Child");

        await page.Locator("#case-recommendation-q").FillAsync("education");
        await page.GetByTestId("find-recommendation").ClickAsync();
        var first = page.GetByTestId("recommendation-row").First;
        var text = (await first.GetByTestId("recommendation-link").TextContentAsync())!.Trim();
        await first.Locator("input[name=Note]").FillAsync("The refusal to enrol shows the recommendation is not implemented.");
        await first.GetByTestId("link-recommendation").ClickAsync();

        await Expect(page.GetByTestId("case-recommendation")).ToHaveCountAsync(1);
        await page.GetByTestId("case-submissions").ScrollIntoViewIfNeededAsync();
        await CheckPageAsync(session, "case-international.png");

        await page.GotoAsync("/recommendations?state=KZ");
        await Expect(page.GetByTestId("recommendation-row").First).ToBeVisibleAsync();
        await CheckPageAsync(session, "recommendations.png");
        await page.GetByTestId("recommendation-link").Filter(new() { HasText = text }).First.ClickAsync();
        await Expect(page.Locator("main")).ToContainTextAsync(seeded.Reference);
        await CheckPageAsync(session, "recommendation.png");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        await session.Page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(session.Page, screenshot);
    }
}
