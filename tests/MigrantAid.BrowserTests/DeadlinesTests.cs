using System.Globalization;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 4 as a lawyer lives it: a court decision is recorded on a case, the appeal deadline the rules
/// compute appears on the case, on the lawyer's desk and in the calendar; the coordinator finds it
/// under the lawyer's name; and the same pages in Russian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DeadlinesTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";
    private const string AppealRule = "Appeal against a decision in an administrative-offence case (including administrative expulsion)";

    [Fact]
    public async Task Lawyer_records_a_decision_and_finds_the_appeal_deadline_on_the_desk_and_in_the_calendar_and_the_coordinator_sees_it_under_the_lawyer()
    {
        const string lawyerEmail = "browser4-lawyer@test.local";
        const string coordinatorEmail = "browser4-coordinator@test.local";
        var lawyer = await portal.CreateUserAsync(lawyerEmail, "Timur Nazarov", Office, SupportedLanguages.English, Roles.Lawyer);
        await portal.CreateUserAsync(coordinatorEmail, "Irina Sokolova", Office, SupportedLanguages.Russian, Roles.Coordinator);
        var seeded = await portal.OpenCaseAsync(Office, "Boboev Sherzod", lawyer.Id, "Administrative expulsion ordered by a district court");
        var today = Today();

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(lawyerEmail);
        await page.GotoAsync($"/cases/{seeded.Id}");
        await page.GetByTestId("add-proceeding").ClickAsync();
        await page.GetByTestId("proceeding-jurisdiction").SelectOptionAsync("RU");
        await page.GetByTestId("proceeding-court").FillAsync("Kolpinsky District Court of St Petersburg");
        await page.GetByTestId("proceeding-instance").SelectOptionAsync("FirstInstance");
        await page.GetByTestId("proceeding-type").SelectOptionAsync("AdministrativeOffence");
        await page.GetByTestId("proceeding-client-role").SelectOptionAsync("PersonConcerned");
        await page.GetByTestId("proceeding-subject").FillAsync("Administrative expulsion under art. 18.8 of the Code of Administrative Offences");
        await page.Locator("#OpenedOn").FillAsync(Iso(today.AddDays(-10)));
        await CheckPageAsync(session, "proceeding-form.png");
        await page.GetByTestId("save-proceeding").ClickAsync();

        await Expect(page.GetByTestId("case-proceedings")).ToContainTextAsync("Kolpinsky District Court of St Petersburg");
        await page.GetByTestId("add-decision").ClickAsync();
        await page.GetByTestId("decision-decided-on").FillAsync(Iso(today.AddDays(-3)));
        await page.GetByTestId("decision-received-on").FillAsync(Iso(today.AddDays(-2)));
        await page.GetByTestId("decision-outcome").SelectOptionAsync("Rejected");
        await page.GetByTestId("decision-summary").FillAsync("Expulsion ordered; the court did not consider the client's minor children living in Russia.");
        await CheckPageAsync(session, "decision-form.png");
        await page.GetByTestId("save-decision").ClickAsync();

        // The rule (10 days from the copy received) produced the appeal deadline, with its arithmetic.
        var deadline = page.GetByTestId("case-deadlines").GetByTestId("deadline").Filter(new() { HasText = AppealRule });
        await Expect(deadline).ToHaveCountAsync(1);
        var due = DateOnly.ParseExact((await deadline.GetAttributeAsync("data-due"))!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        due.Should().BeOnOrAfter(today.AddDays(8), "ten days from the copy received two days ago, moved only forward by non-working days");
        await Expect(deadline).ToContainTextAsync("Copy of the decision received");
        await page.GetByTestId("case-deadlines").ScrollIntoViewIfNeededAsync();
        await CheckPageAsync(session, "case-deadlines.png");

        // The desk lists it with the case's reference.
        await page.GotoAsync("/desk");
        var row = page.GetByTestId("deadline-row").Filter(new() { HasText = AppealRule });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("deadline-case")).ToHaveTextAsync(seeded.Reference);
        await Expect(row.GetByTestId("deadline-client")).ToContainTextAsync("Boboev Sherzod");
        await CheckPageAsync(session, "desk.png");

        // The month calendar shows it on its day.
        await page.GotoAsync("/calendar?date=" + Iso(due));
        var day = page.Locator($"[data-testid=calendar-day][data-date='{Iso(due)}']");
        await Expect(day).ToContainTextAsync(seeded.Reference);
        await CheckPageAsync(session, "calendar-month.png");

        // The coordinator (Russian) finds it on the desk filtered by the lawyer, under the lawyer's name.
        await using var coordinatorSession = await portal.OpenAsync("ru-RU");
        var coordinatorPage = coordinatorSession.Page;
        await coordinatorSession.SignInAsync(coordinatorEmail);
        await coordinatorPage.GotoAsync("/desk?office=all");
        await coordinatorPage.GetByTestId("filter-lawyer").SelectOptionAsync(lawyer.Id.ToString());
        await coordinatorPage.GetByTestId("apply-filters").ClickAsync();
        var coordinatorRow = coordinatorPage.GetByTestId("deadline-row").Filter(new() { HasText = seeded.Reference });
        await Expect(coordinatorRow).ToHaveCountAsync(1);
        await Expect(coordinatorRow.GetByTestId("deadline-lead")).ToHaveTextAsync("Timur Nazarov");
        await Expect(coordinatorPage.Locator("h1")).ToHaveTextAsync("Мои сроки");
        await CheckPageAsync(coordinatorSession, "desk-ru.png");

        // The case page's deadlines and proceedings in Russian.
        await coordinatorPage.GotoAsync($"/cases/{seeded.Id}");
        await Expect(coordinatorPage.GetByTestId("case-deadlines")).ToContainTextAsync("Получена копия решения");
        await Expect(coordinatorPage.GetByTestId("case-proceedings")).ToContainTextAsync("Первая инстанция");
        await coordinatorPage.GotoAsync("/calendar?date=" + Iso(due));
        await Expect(coordinatorPage.Locator($"[data-testid=calendar-day][data-date='{Iso(due)}']")).ToContainTextAsync(seeded.Reference);
        await CheckPageAsync(coordinatorSession, "calendar-month-ru.png");
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        await session.Page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(session.Page, screenshot);
    }
}
