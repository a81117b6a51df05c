using System.Globalization;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 12 point 1 as a lawyer lives it: a decision in an administrative case recorded with its copy but without the
/// date of its final form says which rule waits for that date; the desk shows the task to enter it and leads to the
/// form; once entered, the appeal deadline is computed and the task is gone. The same message in Russian.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class WaitingDateTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";
    private const string AppealRule = "Appeal in an administrative-procedure case";

    [Fact]
    public async Task Lawyer_sees_the_rule_waiting_for_the_final_form_enters_it_from_the_desk_and_the_deadline_is_computed()
    {
        const string lawyerEmail = "browser-waiting-lawyer@test.local";
        var lawyer = await portal.CreateUserAsync(lawyerEmail, "Alina Rakhimova", Office, SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Yusupov Bakhtiyor", lawyer.Id, "Refusal of a residence permit challenged in court");
        var today = Today();

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(lawyerEmail);
        await RecordDecisionWithoutFinalFormAsync(page, seeded.Id, "Dzerzhinsky District Court of St Petersburg", "Challenge to the refusal of a residence permit", today);

        // The rule is named with its period and the date it waits for, instead of "no rule matched".
        var waiting = page.GetByTestId("decision-waiting");
        await Expect(waiting).ToContainTextAsync(
            $"The period “{AppealRule}” (1 month) starts from the date the decision was made in final form: enter it to compute the deadline.");
        await Expect(page.GetByTestId("deadlines-recorded")).ToContainTextAsync("waits for a date of the decision");
        await waiting.ScrollIntoViewIfNeededAsync();
        await CheckPageAsync(session, "decision-waiting.png");

        // The desk shows the task; it leads to the decision's form.
        await page.GotoAsync("/desk");
        var task = page.GetByTestId("date-to-enter").Filter(new() { HasText = seeded.Reference });
        await Expect(task).ToHaveCountAsync(1);
        await Expect(task.GetByTestId("date-to-enter-link")).ToHaveTextAsync($"Enter the date the decision was made in final form for “{AppealRule}” (1 month)");
        await CheckPageAsync(session, "desk-dates-to-enter.png");
        await task.GetByTestId("date-to-enter-link").ClickAsync();
        await page.GetByTestId("decision-final-form-on").FillAsync(Iso(today.AddDays(-8)));
        await page.GetByTestId("save-decision").ClickAsync();

        // The appeal deadline is computed; the waiting message and the desk's task are gone.
        var deadline = page.GetByTestId("case-deadlines").GetByTestId("deadline").Filter(new() { HasText = AppealRule });
        await Expect(deadline).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("decision-waiting")).ToHaveCountAsync(0);
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("date-to-enter").Filter(new() { HasText = seeded.Reference })).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("deadline-row").Filter(new() { HasText = AppealRule })).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_waiting_message_in_Russian()
    {
        const string lawyerEmail = "browser-waiting-ru@test.local";
        var lawyer = await portal.CreateUserAsync(lawyerEmail, "Ольга Петрова", Office, SupportedLanguages.Russian, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync(Office, "Каримов Рустам", lawyer.Id, "Обжалование отказа в виде на жительство");
        var today = Today();

        await using var session = await portal.OpenAsync("ru-RU");
        var page = session.Page;
        await session.SignInAsync(lawyerEmail);
        await RecordDecisionWithoutFinalFormAsync(page, seeded.Id, "Дзержинский районный суд Санкт-Петербурга", "Оспаривание отказа в виде на жительство", today);

        await Expect(page.GetByTestId("decision-waiting")).ToContainTextAsync(
            "Срок «Апелляционная жалоба по административному делу» (1 месяц) исчисляется со дня изготовления решения в окончательной форме");
        await page.GetByTestId("decision-waiting").ScrollIntoViewIfNeededAsync();
        await CheckPageAsync(session, "decision-waiting-ru.png");
        await page.GotoAsync("/desk");
        await Expect(page.GetByTestId("date-to-enter").Filter(new() { HasText = seeded.Reference })).ToContainTextAsync("Укажите дату изготовления решения");
    }

    /// <summary>Adds a first-instance administrative-procedure proceeding and records its decision with the copy's date but no final form.</summary>
    private static async Task RecordDecisionWithoutFinalFormAsync(IPage page, Guid caseId, string court, string subject, DateOnly today)
    {
        await page.GotoAsync($"/cases/{caseId}");
        await page.GetByTestId("add-proceeding").ClickAsync();
        await page.GetByTestId("proceeding-jurisdiction").SelectOptionAsync("RU");
        await page.GetByTestId("proceeding-court").FillAsync(court);
        await page.GetByTestId("proceeding-instance").SelectOptionAsync("FirstInstance");
        await page.GetByTestId("proceeding-type").SelectOptionAsync("AdministrativeCase");
        await page.GetByTestId("proceeding-client-role").SelectOptionAsync("Claimant");
        await page.GetByTestId("proceeding-subject").FillAsync(subject);
        await page.Locator("#OpenedOn").FillAsync(Iso(today.AddDays(-40)));
        await page.GetByTestId("save-proceeding").ClickAsync();
        await page.GetByTestId("add-decision").ClickAsync();
        await page.GetByTestId("decision-decided-on").FillAsync(Iso(today.AddDays(-10)));
        await page.GetByTestId("decision-received-on").FillAsync(Iso(today.AddDays(-3)));
        await page.GetByTestId("decision-outcome").SelectOptionAsync("Rejected");
        await page.GetByTestId("save-decision").ClickAsync();
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
