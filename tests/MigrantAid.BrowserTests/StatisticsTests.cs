using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 5 (statistics) as a coordinator uses it: the statistics page in English and Russian, the
/// ready-made example "children deported separately from their parents in 2025, by country", and the
/// table with its suppressed cells and method note; screenshots for the user guide.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class StatisticsTests(BrowserPortal portal)
{
    private const string Office = "St Petersburg";

    [Fact]
    public async Task Coordinator_runs_the_separated_children_example_in_English_and_Russian()
    {
        const string coordinatorEmail = "browser5-stats@test.local";
        const string russianEmail = "browser5-stats-ru@test.local";
        var coordinator = await portal.CreateUserAsync(coordinatorEmail, "Olga Petrova", Office, SupportedLanguages.English, Roles.Coordinator);
        await portal.CreateUserAsync(russianEmail, "Anna Orlova", Office, SupportedLanguages.Russian, Roles.Coordinator);
        await SeedSeparatedChildrenAsync(coordinator.Id, ("RU", 7), ("KZ", 6), ("KG", 2));

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(coordinatorEmail);
        await page.GetByTestId("nav-statistics").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Statistics");
        await page.GetByTestId("example-separated-children").ClickAsync();

        var table = page.GetByTestId("statistics-table");
        await Expect(table).ToBeVisibleAsync();
        await Expect(page.GetByTestId("stat-age")).ToHaveValueAsync("child");
        await Expect(page.GetByTestId("stat-from")).ToHaveValueAsync("2025");
        await Expect(table.Locator("[data-testid=statistics-row][data-code=KG] [data-testid=row-total]")).ToHaveTextAsync("<5");
        await Expect(page.GetByTestId("statistics-note")).ToContainTextAsync("Counting unit: cases");
        await CheckPageAsync(session, "statistics.png");

        await using var russian = await portal.OpenAsync("ru-RU");
        await russian.SignInAsync(russianEmail);
        await russian.Page.GotoAsync("/statistics");
        await russian.Page.GetByTestId("example-separated-children").ClickAsync();
        var russianTable = russian.Page.GetByTestId("statistics-table");
        await Expect(russianTable).ToBeVisibleAsync();
        await Expect(russianTable.Locator("[data-testid=statistics-row][data-code=RU] th")).ToHaveTextAsync("Россия");
        await Expect(russianTable.Locator("[data-testid=statistics-row][data-code=KG] [data-testid=row-total]")).ToHaveTextAsync("<5");
        await CheckPageAsync(russian, "statistics-ru.png");
    }

    /// <summary>Cases of children (born ten years ago) in the category, opened in 2025, by country where it happened.</summary>
    private async Task SeedSeparatedChildrenAsync(Guid by, params (string Country, int Count)[] countries)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var office = await db.Offices.SingleAsync(o => o.Name == Office);
        var category = await db.ComplaintCategories.Where(c => c.Code == "detention.child-separated").Select(c => c.Id).SingleAsync();
        var now = portal.Clock.GetUtcNow();
        var born = DateOnly.FromDateTime(now.UtcDateTime).AddYears(-10);
        var n = 0;
        foreach (var (country, count) in countries)
        {
            for (var i = 0; i < count; i++)
            {
                var client = new Client(office.Id, $"Statistics Child {++n}", null, by, now) { Citizenship = "TJ", Sex = i % 2 == 0 ? Sex.Female : Sex.Male, BirthDate = born };
                db.Clients.Add(client);
                var intake = new Intake(office.Id, by, now) { ClientId = client.Id, CategoryIds = [category], IncidentCountry = country, SeparatedChild = true };
                intake.Submit(now);
                intake.Accept(by, now);
                db.Intakes.Add(intake);
                var openedOn = new DateOnly(2025, 2, 1 + n);
                var number = await CaseNumbers.NextAsync(db, office.Id, 2025);
                var opened = new Case(office.Id, office.CasePrefix, 2025, number, intake, "Child deported without the parents", by, openedOn, now);
                db.Cases.Add(opened);
                db.CaseCategories.Add(new CaseCategory { CaseId = opened.Id, CategoryId = category });
                await db.SaveChangesAsync();
            }
        }
    }

    private static async Task CheckPageAsync(BrowserSession session, string screenshot)
    {
        await PageChecks.ExpectBasicAccessibilityAsync(session.Page);
        session.ConsoleErrors.Should().BeEmpty();
        await session.Page.EvaluateAsync("() => document.activeElement?.blur()");
        await Screenshots.SaveAsync(session.Page, screenshot);
    }
}
