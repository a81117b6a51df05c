using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>Issue 5: a lawyer signs in and lands on their own dashboard; a figure's link opens the list with that many rows; in English and Russian.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";

    [Fact]
    public async Task Lawyer_lands_on_their_personal_dashboard_and_a_figure_leads_to_that_many_rows_in_English_and_Russian()
    {
        const string lawyerEmail = "browser5-home-lawyer@test.local";
        const string russianEmail = "browser5-home-lawyer-ru@test.local";
        var lawyer = await portal.CreateUserAsync(lawyerEmail, "Aziz Karimov", Office, SupportedLanguages.English, Roles.Lawyer);
        var russian = await portal.CreateUserAsync(russianEmail, "Ольга Петрова", Office, SupportedLanguages.Russian, Roles.Lawyer);
        foreach (var user in new[] { lawyer, russian })
        {
            var first = await portal.OpenCaseAsync(Office, "Rakhimov Jasur", user.Id, "Unpaid wages at a warehouse");
            var second = await portal.OpenCaseAsync(Office, "Nazarova Malika", user.Id, "Passport kept by the employer");
            await portal.OpenCaseAsync(Office, "Tursunov Bekzod", user.Id, "Administrative expulsion ordered");
            var today = Today();
            await DeadlineAsync(first.Id, "Reply to the employer's objections", today.AddDays(-2));
            await DeadlineAsync(second.Id, "Appeal against the expulsion order", today.AddDays(-1));
            await DeadlineAsync(second.Id, "Submit the evidence of work", today);
            await DeadlineAsync(first.Id, "Claim to the labour inspectorate", today.AddDays(3));
        }

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(lawyerEmail);

        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/").ToString());
        await Expect(page.GetByTestId("home-personal")).ToBeVisibleAsync();
        var overdue = page.Locator("[data-figure=deadlines-overdue]");
        await Expect(overdue.GetByTestId("figure-value")).ToHaveTextAsync("2");
        await Expect(page.Locator("[data-figure=cases-total] [data-testid=figure-value]")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("home-deadline")).ToHaveCountAsync(4);
        await CheckPageAsync(session, "home-dashboard.png");

        await overdue.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUri, "/desk?bucket=overdue").ToString());
        await Expect(page.GetByTestId("deadline-row")).ToHaveCountAsync(2);

        await page.GotoAsync("/");
        await page.Locator("[data-figure=cases-inprogress]").ClickAsync();
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(3);

        await using var ru = await portal.OpenAsync("ru-RU");
        await ru.SignInAsync(russianEmail);
        await Expect(ru.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(ru.Page.Locator("h1")).ToHaveTextAsync("Здравствуйте, Ольга Петрова");
        await Expect(ru.Page.Locator("#my-cases-heading")).ToHaveTextAsync("Мои дела");
        await Expect(ru.Page.Locator("[data-figure=deadlines-today] [data-testid=figure-value]")).ToHaveTextAsync("1");
        await CheckPageAsync(ru, "home-dashboard-ru.png");
        await ru.Page.Locator("[data-figure=deadlines-today]").ClickAsync();
        await Expect(ru.Page.GetByTestId("deadline-row")).ToHaveCountAsync(1);
    }

    private async Task DeadlineAsync(Guid caseId, string title, DateOnly dueOn)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.CaseDeadlines.Add(new CaseDeadline(caseId, DeadlineKind.Manual, title, dueOn, Guid.NewGuid(), portal.Clock.GetUtcNow()));
        await db.SaveChangesAsync();
    }

    private DateOnly Today() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(portal.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow")).DateTime);

    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        await session.Page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(session.Page, screenshot);
    }
}
