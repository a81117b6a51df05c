using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 5: the coordinator's dashboard in English and Russian; a figure's link leads to a list with
/// exactly that many rows; screenshots for the user guide.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";

    [Fact]
    public async Task Coordinator_reads_the_dashboard_in_English_and_Russian_and_a_figure_leads_to_as_many_rows()
    {
        const string coordinatorEmail = "browser5-dash-coordinator@test.local";
        const string coordinatorRuEmail = "browser5-dash-coordinator-ru@test.local";
        var lawyer = await portal.CreateUserAsync("browser5-dash-lawyer@test.local", "Olga Petrova", Office, SupportedLanguages.English, Roles.Lawyer);
        await portal.CreateUserAsync(coordinatorEmail, "Irina Sokolova", Office, SupportedLanguages.English, Roles.Coordinator);
        await portal.CreateUserAsync(coordinatorRuEmail, "Ирина Соколова", Office, SupportedLanguages.Russian, Roles.Coordinator);
        await portal.OpenCaseAsync(Office, "Karimov Rustam", lawyer.Id, "Unpaid wages on a building site");
        await portal.OpenCaseAsync(Office, "Tashkentova Dilnoza", lawyer.Id, "Passport kept by the employer");
        await portal.OpenCaseAsync(Office, "Abdullaev Jasur", lawyer.Id, "Detained before expulsion");

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(coordinatorEmail);
        await page.GetByTestId("nav-dashboard").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
        await Expect(page.GetByTestId("weeks").Locator("tbody tr")).ToHaveCountAsync(12);
        await CheckPageAsync(session, "dashboard.png");

        // The lawyer's open cases: the figure, then the list it links to.
        var figure = page.Locator($"table[data-testid=lawyers] tr[data-lawyer-id='{lawyer.Id}'] a[data-testid=figure-open]");
        var count = int.Parse((await figure.TextContentAsync())!.Trim(), CultureInfo.InvariantCulture);
        count.Should().Be(3);
        await figure.ClickAsync();
        await Expect(page.GetByTestId("case-row")).ToHaveCountAsync(count);
        await Expect(page.GetByTestId("dashboard-filters")).ToContainTextAsync("Olga Petrova");

        // Open cases by status: the figure for "in progress" and its list (one page of at most 25 here).
        await page.GotoAsync("/dashboard");
        var inProgress = page.Locator("table[data-testid=open-by-status] a[data-key=InProgress]");
        var inProgressCount = int.Parse((await inProgress.TextContentAsync())!.Trim().Replace(",", ""), CultureInfo.InvariantCulture);
        await inProgress.ClickAsync();
        var rows = await page.GetByTestId("case-row").CountAsync();
        while (await page.GetByTestId("next-page").CountAsync() > 0)
        {
            await page.GetByTestId("next-page").ClickAsync();
            rows += await page.GetByTestId("case-row").CountAsync();
        }

        rows.Should().Be(inProgressCount - await SealedInProgressHiddenFromAsync(coordinatorEmail),
            "the figure counts every case, sealed ones too (ADR 0023); its list shows the ones the coordinator may open");

        // Russian.
        await using var ru = await portal.OpenAsync("ru-RU");
        await ru.SignInAsync(coordinatorRuEmail);
        await ru.Page.GotoAsync("/dashboard");
        await Expect(ru.Page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(ru.Page.GetByTestId("open-by-status")).ToContainTextAsync("В работе");
        var ruFigure = ru.Page.Locator($"table[data-testid=lawyers] tr[data-lawyer-id='{lawyer.Id}'] a[data-testid=figure-open]");
        await Expect(ruFigure).ToHaveTextAsync("3");
        await CheckPageAsync(ru, "dashboard-ru.png");
        await ruFigure.ClickAsync();
        await Expect(ru.Page.GetByTestId("case-row")).ToHaveCountAsync(3);
    }

    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        await session.Page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(session.Page, screenshot);
    }

    /// <summary>Sealed cases in progress the user is not named on (other tests of the collection seal one).</summary>
    private async Task<int> SealedInProgressHiddenFromAsync(string email)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var hidden = CaseAccess.SealedAgainst(db, userId);
        return await db.Cases.CountAsync(c => c.Status == CaseStatus.InProgress && hidden.Contains(c.Id));
    }
}
