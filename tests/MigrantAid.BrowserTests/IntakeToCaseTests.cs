using System.Globalization;
using System.Text.RegularExpressions;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Domain;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// The guided intake as a caseworker goes through it, from an empty form to an open case, and the
/// lawyer who then finds the case among their own. Each test has its own accounts, so the demo users
/// keep their state and "My cases" holds only what the test assigned.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class IntakeToCaseTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";

    [Fact]
    public async Task Caseworker_performs_an_intake_to_an_open_case_assigned_to_a_lawyer_who_finds_it_under_My_cases()
    {
        const string caseworkerEmail = "browser3-caseworker-en@test.local";
        const string lawyerEmail = "browser3-lawyer-en@test.local";
        const string coordinatorEmail = "browser3-coordinator-en@test.local";
        await portal.CreateUserAsync(caseworkerEmail, "Malika Sharipova", Office, SupportedLanguages.English, Roles.Caseworker);
        await portal.CreateUserAsync(lawyerEmail, "Marat Ismoilov", Office, SupportedLanguages.English, Roles.Lawyer);
        await portal.CreateUserAsync(coordinatorEmail, "Olga Vasilyeva", Office, SupportedLanguages.English, Roles.Coordinator);
        var today = Today();
        var run = new IntakeRun(
            ClientName: "Sabirov Jamshid",
            BirthDate: new DateOnly(1993, 4, 12),
            BirthYear: null,
            Citizenship: "TJ",
            Category: "Unpaid or withheld wages",
            City: "St Petersburg",
            From: today.AddDays(-120),
            To: today.AddDays(-30),
            Respondent: "StroyMontazh LLC",
            Account: "I worked on a building site in Kudrovo from July. The foreman paid the first month, then kept promising. In October he took my patent \"for the inspection\" and told me not to come back.",
            Wishes: "To be paid the three months of wages owed and to get my patent back.",
            ConsentScope: "Legal help with this complaint; contact through the phone number given only.",
            Title: "Unpaid wages on a building site");

        await using var caseworker = await portal.OpenAsync();
        var page = caseworker.Page;
        await caseworker.SignInAsync(caseworkerEmail);
        var intakeId = await StartIntakeAsync(page);

        // Find before create: nobody of that name is registered yet.
        await page.GetByTestId("client-search").FillAsync("Sabirov");
        await page.GetByTestId("search-clients").ClickAsync();
        await Expect(page.GetByTestId("no-candidates")).ToBeVisibleAsync();
        await FillNewClientAsync(page, run);
        await CheckPageAsync(caseworker, "intake-client.png");
        await page.GetByTestId("save-continue").ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, "complaint"));
        await Expect(page.GetByTestId("intake-client")).ToContainTextAsync(run.ClientName);
        await Expect(page.Locator("main")).ToContainTextAsync("The client was registered and chosen for this intake.");
        await FillComplaintAsync(page, run);
        await CheckPageAsync(caseworker, "intake-complaint.png");
        await page.GetByTestId("save-continue").ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, "consent"));
        await GiveConsentAsync(page, run);

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, "triage"));
        await Expect(page.GetByTestId("triage-detention")).Not.ToBeCheckedAsync();
        await Expect(page.GetByTestId("triage-expulsion")).Not.ToBeCheckedAsync();
        await Expect(page.GetByTestId("triage-child")).Not.ToBeCheckedAsync();
        await CheckPageAsync(caseworker, "intake-triage.png");
        await page.GetByTestId("submit-intake").ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, null));
        await Expect(page.GetByTestId("intake-status")).ToHaveAttributeAsync("data-status", "Submitted");
        await Expect(page.GetByTestId("intake-status")).ToHaveTextAsync("Waiting for a decision");
        await Expect(page.GetByTestId("intake-respondents")).ToContainTextAsync("StroyMontazh LLC · Employer · Construction");
        await Expect(page.GetByTestId("intake-consent")).ToHaveTextAsync("Given");

        // The coordinator sees it waiting, not urgent.
        await using var coordinator = await portal.OpenAsync();
        await coordinator.SignInAsync(coordinatorEmail);
        await coordinator.Page.GetByTestId("nav-intakes").ClickAsync();
        var waiting = coordinator.Page.Locator($"[data-testid=queue-row][data-intake-id='{intakeId}']");
        await Expect(waiting).ToContainTextAsync(run.ClientName);
        await Expect(waiting).ToContainTextAsync(Office);
        await Expect(waiting).ToContainTextAsync("Normal");
        await Expect(waiting.GetByTestId("queue-urgent")).ToHaveCountAsync(0);
        await CheckPageAsync(coordinator, "intake-queue.png");

        var caseId = await AcceptAsync(page, run.Title, "Marat Ismoilov (St Petersburg)");

        await Expect(page.Locator("main")).ToContainTextAsync("The intake was accepted and the case opened.");
        await Expect(page.GetByTestId("case-reference")).ToHaveTextAsync(ReferencePattern());
        var reference = (await page.GetByTestId("case-reference").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("case-title")).ToHaveTextAsync(run.Title);
        // A lead lawyer starts the work: the case is in progress at once.
        await Expect(page.GetByTestId("case-status")).ToHaveAttributeAsync("data-status", "InProgress");
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("In progress");
        await Expect(page.GetByTestId("case-office")).ToHaveTextAsync(Office);
        await Expect(page.GetByTestId("case-lead-lawyer")).ToHaveTextAsync("Marat Ismoilov");
        await Expect(page.GetByTestId("case-caseworker")).ToHaveTextAsync("Malika Sharipova");
        await Expect(page.GetByTestId("case-category")).ToHaveTextAsync(new[] { run.Category });
        await Expect(page.GetByTestId("case-client")).ToContainTextAsync(run.ClientName);
        await Expect(page.GetByTestId("case-respondent")).ToContainTextAsync(new[] { "StroyMontazh LLC" });
        await Expect(page.GetByTestId("complaint-place")).ToHaveTextAsync("Russia, St Petersburg");
        await Expect(page.GetByTestId("complaint-account")).ToHaveTextAsync(run.Account);
        await Expect(page.GetByTestId("complaint-wishes")).ToHaveTextAsync(run.Wishes);
        await Expect(page.Locator("[data-testid=timeline-entry][data-kind=Opened]")).ToContainTextAsync("Case opened as " + reference);
        await Expect(page.Locator("[data-testid=timeline-entry][data-kind=Assigned]")).ToContainTextAsync("Lead lawyer: — → Marat Ismoilov");
        await Expect(page.GetByTestId("timeline-status")).ToHaveTextAsync("Status: Open → In progress");
        await CheckPageAsync(caseworker, "case-file.png");

        // Coordinators start from all cases.
        await coordinator.Page.GetByTestId("nav-cases").ClickAsync();
        await Expect(coordinator.Page.GetByTestId("scope-all")).ToHaveAttributeAsync("aria-current", "page");
        var listed = coordinator.Page.Locator($"[data-testid=case-row][data-case-id='{caseId}']");
        await Expect(listed.GetByTestId("case-reference")).ToHaveTextAsync(reference);
        await Expect(listed.GetByTestId("case-client")).ToHaveTextAsync(run.ClientName);
        await Expect(listed.GetByTestId("case-status")).ToHaveTextAsync("In progress");
        await Expect(listed.GetByTestId("case-lead")).ToHaveTextAsync("Marat Ismoilov");
        await CheckPageAsync(coordinator, "case-list.png");

        // The lawyer, in a browser of their own, starts from "My cases" and finds it there.
        await using (var lawyer = await portal.OpenAsync())
        {
            var lawyerPage = lawyer.Page;
            await lawyer.SignInAsync(lawyerEmail);
            await lawyerPage.GetByTestId("nav-cases").ClickAsync();
            await Expect(lawyerPage.GetByTestId("scope-mine")).ToHaveAttributeAsync("aria-current", "page");
            var link = lawyerPage.GetByTestId("cases-table").GetByRole(AriaRole.Link, new() { Name = reference, Exact = true });
            await Expect(link).ToBeVisibleAsync();
            await Expect(lawyerPage.GetByTestId("case-row")).ToHaveCountAsync(1);

            await link.ClickAsync();

            await Expect(lawyerPage).ToHaveURLAsync(new Uri(portal.BaseUri, "/cases/" + caseId).ToString());
            await Expect(lawyerPage.GetByTestId("case-reference")).ToHaveTextAsync(reference);
            await Expect(lawyerPage.GetByTestId("case-client")).ToContainTextAsync(run.ClientName);
            lawyer.ConsoleErrors.Should().BeEmpty();
        }

        caseworker.ConsoleErrors.Should().BeEmpty();
    }

    [Fact]
    public async Task The_same_intake_in_Russian()
    {
        const string caseworkerEmail = "browser3-caseworker-ru@test.local";
        const string lawyerEmail = "browser3-lawyer-ru@test.local";
        await portal.CreateUserAsync(caseworkerEmail, "Zarina Karimova", Office, SupportedLanguages.Russian, Roles.Caseworker);
        await portal.CreateUserAsync(lawyerEmail, "Ruslan Tursunov", Office, SupportedLanguages.Russian, Roles.Lawyer);
        var today = Today();
        var run = new IntakeRun(
            ClientName: "Рахимов Фаррух",
            BirthDate: null,
            BirthYear: 1990,
            Citizenship: "UZ",
            Category: "Невыплата или задержка заработной платы",
            City: "Санкт-Петербург",
            From: today.AddDays(-90),
            To: today.AddDays(-10),
            Respondent: "ООО «СтройМонтаж»",
            Account: "Работал на стройке в Мурино с августа. Зарплату за два месяца не выплатили, бригадир перестал отвечать на звонки.",
            Wishes: "Получить заработанные деньги.",
            ConsentScope: "Юридическая помощь по этой жалобе.",
            Title: "Невыплата зарплаты на стройке");

        await using var caseworker = await portal.OpenAsync();
        var page = caseworker.Page;
        await caseworker.SignInAsync(caseworkerEmail);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.GetByTestId("nav-intakes")).ToHaveTextAsync("Первичный приём");
        var intakeId = await StartIntakeAsync(page);

        await Expect(page.Locator("h1")).ToContainTextAsync("Первичный приём");
        await Expect(page.Locator("#find-heading")).ToHaveTextAsync("Найти клиента");
        await Expect(page.Locator("#new-heading")).ToHaveTextAsync("Зарегистрировать нового клиента");
        await Expect(page.GetByTestId("save-continue")).ToHaveTextAsync("Зарегистрировать и продолжить");
        await FillNewClientAsync(page, run);
        await page.GetByTestId("save-continue").ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, "complaint"));
        await Expect(page.Locator("main")).ToContainTextAsync("Клиент зарегистрирован и выбран для этого первичного приёма.");
        await Expect(page.GetByTestId("intake-client")).ToContainTextAsync(run.ClientName);
        await Expect(page.GetByTestId("complaint-form")).ToContainTextAsync("Обстоятельства со слов клиента");
        await FillComplaintAsync(page, run);
        await CheckPageAsync(caseworker, "intake-ru.png");
        await page.GetByTestId("save-continue").ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, "consent"));
        await Expect(page.Locator("label[for=consent-Given]")).ToHaveTextAsync("Дано");
        await GiveConsentAsync(page, run);

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, "triage"));
        await Expect(page.GetByTestId("submit-intake")).ToHaveTextAsync("Передать на решение");
        await page.GetByTestId("submit-intake").ClickAsync();

        await Expect(page).ToHaveURLAsync(StepUrl(intakeId, null));
        await Expect(page.GetByTestId("intake-status")).ToHaveTextAsync("Ожидает решения");
        await Expect(page.GetByTestId("intake-respondents")).ToContainTextAsync("ООО «СтройМонтаж» · Работодатель · Строительство");
        await Expect(page.GetByTestId("accept-intake")).ToHaveTextAsync("Принять и открыть дело");

        var caseId = await AcceptAsync(page, run.Title, "Ruslan Tursunov (St Petersburg)");

        await Expect(page.Locator("main")).ToContainTextAsync("Первичный приём принят, дело открыто.");
        await Expect(page.GetByTestId("case-reference")).ToHaveTextAsync(ReferencePattern());
        var reference = (await page.GetByTestId("case-reference").TextContentAsync())!.Trim();
        await Expect(page.GetByTestId("case-status")).ToHaveTextAsync("В работе");
        await Expect(page.GetByTestId("case-lead-lawyer")).ToHaveTextAsync("Ruslan Tursunov");
        await Expect(page.GetByTestId("case-category")).ToHaveTextAsync(new[] { run.Category });
        await Expect(page.GetByTestId("complaint-place")).ToHaveTextAsync("Россия, Санкт-Петербург");
        await Expect(page.Locator("#timeline-heading")).ToContainTextAsync("Хронология");
        caseworker.ConsoleErrors.Should().BeEmpty();

        // The lawyer types the name in Latin letters; the case's client is written in Cyrillic.
        await using var lawyer = await portal.OpenAsync();
        var lawyerPage = lawyer.Page;
        await lawyer.SignInAsync(lawyerEmail);
        await lawyerPage.GotoAsync("/cases");
        await Expect(lawyerPage.GetByTestId("scope-mine")).ToHaveTextAsync("Мои дела");
        await Expect(lawyerPage.GetByTestId("scope-mine")).ToHaveAttributeAsync("aria-current", "page");
        await lawyerPage.GetByTestId("case-search").FillAsync("Rakhimov");
        await lawyerPage.GetByTestId("apply-filters").ClickAsync();

        await Expect(lawyerPage).ToHaveURLAsync(new Regex(@"[?&]q=Rakhimov(&|$)"));
        var row = lawyerPage.Locator($"[data-testid=case-row][data-case-id='{caseId}']");
        await Expect(row.GetByTestId("case-client")).ToHaveTextAsync(run.ClientName);
        await Expect(row.GetByTestId("case-status")).ToHaveTextAsync("В работе");
        await row.GetByTestId("case-reference").ClickAsync();
        await Expect(lawyerPage.GetByTestId("case-reference")).ToHaveTextAsync(reference);
        lawyer.ConsoleErrors.Should().BeEmpty();
    }

    private sealed record IntakeRun(
        string ClientName,
        DateOnly? BirthDate,
        int? BirthYear,
        string Citizenship,
        string Category,
        string City,
        DateOnly From,
        DateOnly To,
        string Respondent,
        string Account,
        string Wishes,
        string ConsentScope,
        string Title);

    /// <summary>Today in St Petersburg by the portal's clock.</summary>
    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Regex ReferencePattern() =>
        new("^SPB-" + Today().Year.ToString(CultureInfo.InvariantCulture) + @"-\d{4}$");

    private Regex StepUrl(string intakeId, string? step) =>
        new("^" + Regex.Escape(new Uri(portal.BaseUri, "/intakes/" + intakeId).ToString()) + (step is null ? "" : "/" + step) + "$");

    /// <summary>From the intake list: a new draft opens on its client step.</summary>
    private static async Task<string> StartIntakeAsync(IPage page)
    {
        await page.GetByTestId("nav-intakes").ClickAsync();
        await page.GetByTestId("start-intake").ClickAsync();
        await Expect(page).ToHaveURLAsync(DraftClientStep());
        await Expect(page.GetByTestId("intake-status")).ToHaveAttributeAsync("data-status", "Draft");
        return DraftClientStep().Match(page.Url).Groups["id"].Value;
    }

    private static async Task FillNewClientAsync(IPage page, IntakeRun run)
    {
        var form = page.GetByTestId("new-client-form");
        await Expect(form.Locator("input[name='NewClient.FullName']")).ToHaveValueAsync("");
        await form.Locator("input[name='NewClient.FullName']").FillAsync(run.ClientName);
        if (run.BirthDate is { } born)
        {
            await form.Locator("input[name='NewClient.BirthDate']").FillAsync(Iso(born));
        }

        if (run.BirthYear is { } year)
        {
            await form.Locator("input[name='NewClient.BirthYear']").FillAsync(year.ToString(CultureInfo.InvariantCulture));
        }

        await form.Locator("select[name='NewClient.Sex']").SelectOptionAsync("Male");
        await form.Locator("select[name='NewClient.Citizenship']").SelectOptionAsync(run.Citizenship);
    }

    private static async Task FillComplaintAsync(IPage page, IntakeRun run)
    {
        var form = page.GetByTestId("complaint-form");
        var category = form.GetByLabel(run.Category, new() { Exact = true });
        await Expect(category).Not.ToBeCheckedAsync();
        await category.CheckAsync();
        await form.Locator("select[name=IncidentCountry]").SelectOptionAsync("RU");
        await form.Locator("input[name=IncidentCity]").FillAsync(run.City);
        await form.Locator("input[name=IncidentFrom]").FillAsync(Iso(run.From));
        await form.Locator("input[name=IncidentTo]").FillAsync(Iso(run.To));
        await Expect(form.GetByTestId("respondent-row")).ToHaveCountAsync(1);
        await form.Locator("#respondent-0-name").FillAsync(run.Respondent);
        await form.Locator("#respondent-0-type").SelectOptionAsync("Employer");
        await form.Locator("#respondent-0-sector").SelectOptionAsync("Construction");
        await form.Locator("textarea[name=Account]").FillAsync(run.Account);
        await form.Locator("textarea[name=ClientWishes]").FillAsync(run.Wishes);
    }

    private static async Task GiveConsentAsync(IPage page, IntakeRun run)
    {
        var form = page.GetByTestId("consent-form");
        await form.GetByTestId("consent-Given").CheckAsync();
        // The date starts as today in the office.
        await Expect(form.Locator("input[name=Date]")).Not.ToHaveValueAsync("");
        await form.Locator("textarea[name=Scope]").FillAsync(run.ConsentScope);
        await form.GetByTestId("save-continue").ClickAsync();
    }

    /// <summary>Accepts the submitted intake with a lead lawyer; returns the new case's id from the case page's address.</summary>
    private async Task<string> AcceptAsync(IPage page, string title, string lawyerLabel)
    {
        var form = page.GetByTestId("accept-form");
        await form.Locator("input[name='Accept.Title']").FillAsync(title);
        await form.Locator("#Accept_LeadLawyerId").SelectOptionAsync(new SelectOptionValue { Label = lawyerLabel });
        await form.GetByTestId("accept-intake").ClickAsync();

        var caseUrl = new Regex("^" + Regex.Escape(new Uri(portal.BaseUri, "/cases/").ToString()) + "(?<id>[0-9a-f-]{36})$");
        await Expect(page).ToHaveURLAsync(caseUrl);
        return caseUrl.Match(page.Url).Groups["id"].Value;
    }

    /// <summary>Structure and labels first, then the picture for the guide.</summary>
    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        // The last field typed in would show highlighted in the picture.
        await session.Page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(session.Page, screenshot);
    }

    [GeneratedRegex(@"/intakes/(?<id>[0-9a-f-]{36})/client$")]
    private static partial Regex DraftClientStep();
}
