using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>The printable case summary: reached from the case page, without the account unless chosen, one A4 page.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CaseSummaryTests(BrowserPortal portal)
{
    [Fact]
    public async Task Case_summary_opens_from_the_case_and_prints_on_one_A4_page()
    {
        var lawyer = await portal.CreateUserAsync("browser-summary-lawyer@test.local", "Malika Rakhimova", "St Petersburg", SupportedLanguages.English, Roles.Lawyer);
        var seeded = await portal.OpenCaseAsync("St Petersburg", "Сводкина Малика", lawyer.Id, "Expulsion of a mother of two");
        await AddCourtWorkAsync(seeded.Id, lawyer.Id);
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("browser-summary-lawyer@test.local");
        await page.GotoAsync($"/cases/{seeded.Id}");

        await page.GetByTestId("print-summary").ClickAsync();

        await Expect(page.GetByTestId("summary-reference")).ToHaveTextAsync(seeded.Reference);
        await Expect(page.GetByTestId("summary-client")).ToContainTextAsync("Сводкина Малика");
        await Expect(page.GetByTestId("summary-lawyer")).ToHaveTextAsync("Malika Rakhimova");
        await Expect(page.GetByTestId("summary-proceeding")).ToContainTextAsync("St Petersburg City Court");
        await Expect(page.GetByTestId("summary-hearing")).ToContainTextAsync("Hall 3");
        await Expect(page.GetByTestId("summary-deadline")).ToContainTextAsync("Appeal against the expulsion");
        await Expect(page.GetByTestId("summary-no-account")).ToBeVisibleAsync();
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        await Screenshots.SaveAsync(page, "case-summary.png");

        await page.GetByTestId("summary-include-account").CheckAsync();
        await page.GetByTestId("summary-refresh").ClickAsync();
        await Expect(page.GetByTestId("summary-account")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("summary-include-account")).ToBeCheckedAsync();

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("summary-options")).ToBeHiddenAsync();
        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new PagePdfOptions { Format = "A4", PreferCSSPageSize = true }));
        PdfPage().Matches(pdf).Count.Should().Be(1, "the summary for a hearing fits one A4 page");
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        session.ConsoleErrors.Should().BeEmpty();
    }

    private async Task AddCourtWorkAsync(Guid caseId, Guid lawyerId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = portal.Clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var proceeding = new CourtProceeding(caseId, "RU", "St Petersburg City Court", CourtInstance.FirstInstance, ProceedingType.AdministrativeCase,
            "Expulsion order", ProceedingClientRole.Applicant, today.AddDays(-30), lawyerId, now);
        db.CourtProceedings.Add(proceeding);
        db.Hearings.Add(new Hearing(proceeding.Id, caseId, now.AddDays(5), "Hall 3", lawyerId, now));
        db.CaseDeadlines.Add(new CaseDeadline(caseId, DeadlineKind.Manual, "Appeal against the expulsion", today.AddDays(12), lawyerId, now));
        await db.SaveChangesAsync();
    }

    /// <summary>A page object of the PDF ("/Type /Page", not the "/Pages" tree).</summary>
    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();
}
