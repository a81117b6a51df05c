using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>Issue 15: the administrator's retention schedule and a coordinator's erasure on request, in the browser.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PrivacyLifecycleTests(BrowserPortal portal)
{
    [Fact]
    public async Task An_administrator_sets_the_schedule_and_previews_a_run_without_changing_anything()
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("admin@demo.local");
        await page.GotoAsync("/privacy");
        await page.GetByTestId("retention-link").ClickAsync();

        await page.Locator("#ClosedCaseYears").FillAsync("0");
        await page.GetByTestId("save-retention").ClickAsync();
        await Expect(page.Locator("[data-valmsg-for=ClosedCaseYears]")).ToContainTextAsync("between 1 and 100");

        await page.Locator("#ClosedCaseYears").FillAsync("5");
        await page.Locator("#RejectedIntakeMonths").FillAsync("24");
        await page.Locator("#DraftIntakeDays").FillAsync("90");
        await page.Locator("#AuditYears").FillAsync("10");
        await page.GetByTestId("save-retention").ClickAsync();
        await Expect(page.GetByTestId("retention-due")).ToBeVisibleAsync();
        var anonymisedBefore = await AnonymisedCasesAsync();

        await page.GetByTestId("retention-preview-button").ClickAsync();

        await Expect(page.GetByTestId("retention-preview")).ToBeVisibleAsync();
        (await AnonymisedCasesAsync()).Should().Be(anonymisedBefore, "a preview changes nothing");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        session.ConsoleErrors.Should().BeEmpty();
        await Screenshots.SaveAsync(page, "retention.png");

        // Other tests share the demo data: the schedule goes back to keeping everything.
        foreach (var field in new[] { "#ClosedCaseYears", "#RejectedIntakeMonths", "#DraftIntakeDays", "#AuditYears" })
        {
            await page.Locator(field).FillAsync("");
        }

        await page.GetByTestId("save-retention").ClickAsync();
        await Expect(page.Locator("#ClosedCaseYears")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_coordinator_carries_out_a_request_to_be_forgotten_after_seeing_what_it_changes()
    {
        var lawyer = await portal.CreateUserAsync("browser-erase-lawyer@test.local", "Dilnoza Yusupova", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync("St Petersburg", "Забываева Нилуфар", lawyer.Id, "Wages withheld at a warehouse");
        await CloseAsync(seeded.Id, lawyer.Id);
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("coordinator@demo.local");
        await page.GotoAsync($"/clients/{seeded.ClientId}");

        await page.GetByTestId("erase-client").ClickAsync();

        await Expect(page.GetByTestId("erasure-preview")).ToContainTextAsync("1");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "erasure.png");

        await page.GetByTestId("confirm-erasure").ClickAsync();
        await page.GetByTestId("confirm-accept").ClickAsync();

        await Expect(page.GetByTestId("anonymised")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("client-name")).Not.ToContainTextAsync("Забываева");
        session.ConsoleErrors.Should().BeEmpty();
    }

    private async Task CloseAsync(Guid caseId, Guid by)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var c = await db.Cases.SingleAsync(k => k.Id == caseId);
        var now = portal.Clock.GetUtcNow();
        c.Close(CaseOutcome.ResolvedInFavour, c.OpenedOn, null, by, now);
        await db.SaveChangesAsync();
    }

    private async Task<int> AnonymisedCasesAsync()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Cases.CountAsync(c => c.AnonymisedAt != null);
    }
}
