using System.Globalization;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// A lawyer follows a communication to the Human Rights Committee through its follow-up: interim measures
/// requested and granted (the tasks the rules create, the prompt to report a breach at once), views finding a
/// violation (the State's 180-day reply), the committee's assessment of a round, and the client's page.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class UnFollowUpTests(BrowserPortal portal)
{
    private const string Office = "Almaty";

    [Fact]
    public async Task Lawyer_follows_a_communication_from_interim_measures_to_the_committee_assessment()
    {
        const string lawyerEmail = "browser-unfollow-lawyer@test.local";
        var lawyer = await portal.CreateUserAsync(lawyerEmail, "Dina Seitova", Office, SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Rakhimov Jasur", lawyer.Id, "Expulsion of a father separated from his children");
        var today = DateOnly.FromDateTime(portal.Clock.GetUtcNow().UtcDateTime);

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(lawyerEmail);
        await page.GotoAsync($"/cases/{seeded.Id}/submissions/new");
        await page.Locator("#Body").SelectOptionAsync("CCPR");
        await page.Locator("#Kind").SelectOptionAsync("IndividualCommunication");
        await page.Locator("#StateConcerned").SelectOptionAsync("KZ");
        await page.GetByTestId("input-SubmittedOn").FillAsync(Iso(today.AddDays(-90)));
        await page.GetByTestId("input-InterimMeasuresRequestedOn").FillAsync(Iso(today.AddDays(-90)));
        await Expect(page.GetByTestId("input-client")).ToBeCheckedAsync();
        await page.GetByTestId("save-submission").ClickAsync();
        await Expect(page.GetByTestId("submission-deadline")).ToContainTextAsync("Check the committee's answer to the interim-measures request");

        await page.GetByTestId("edit-submission").ClickAsync();
        await page.GetByTestId("input-InterimMeasuresOn").FillAsync(Iso(today.AddDays(-88)));
        await page.GetByTestId("input-InterimMeasuresGranted").SelectOptionAsync("true");
        await page.Locator("#Result").SelectOptionAsync("InterimMeasuresGranted");
        await page.GetByTestId("save-submission").ClickAsync();
        await Expect(page.GetByTestId("breach-prompt")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("submission-deadline")).ToHaveCountAsync(2);
        await CheckPageAsync(session, "un-follow-up-granted.png");

        await page.GetByTestId("edit-submission").ClickAsync();
        await page.GetByTestId("input-FinalDecisionOn").FillAsync(Iso(today.AddDays(-80)));
        await page.Locator("#Result").SelectOptionAsync("ViolationFound");
        await page.GetByTestId("save-submission").ClickAsync();
        await Expect(page.GetByTestId("submission-deadline").Filter(new() { HasText = "180 days" })).ToHaveCountAsync(1);

        await page.GetByTestId("record-assessment").ClickAsync();
        await page.Locator("#AssessedOn").FillAsync(Iso(today.AddDays(-3)));
        await page.Locator("#Grade-B").CheckAsync();
        await page.Locator("#Note").FillAsync("Compensation promised; no review of the expulsion yet.");
        await CheckPageAsync(session, "un-follow-up-assessment-form.png");
        await page.GetByTestId("save-assessment").ClickAsync();
        await Expect(page.GetByTestId("follow-up-round")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("follow-up-grade")).ToContainTextAsync("partially satisfactory");
        await page.GetByTestId("follow-up").ScrollIntoViewIfNeededAsync();
        await CheckPageAsync(session, "un-follow-up.png");

        await page.GotoAsync($"/clients/{seeded.ClientId}");
        await Expect(page.GetByTestId("client-submission")).ToContainTextAsync("Human Rights Committee");
        await page.GetByTestId("client-submissions").ScrollIntoViewIfNeededAsync();
        await CheckPageAsync(session, "client-submissions.png");
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
