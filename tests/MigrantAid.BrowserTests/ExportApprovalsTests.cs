using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 15 point 6 as an approver lives it: a coordinator's export of more cases than the setting waits on the
/// approvals page (who, when, which filters, how many rows, why); an administrator approves it from the account menu.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportApprovalsTests(BrowserPortal portal)
{
    [Fact]
    public async Task An_administrator_sees_a_coordinators_request_with_its_reason_and_approves_it()
    {
        var requestId = await SeedRequestAsync("coordinator@demo.local");

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync("admin@demo.local");
        await session.OpenUserMenuAsync();
        await page.GetByTestId("nav-export-approvals").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Export approvals");
        var row = page.Locator($"[data-testid=pending-row][data-request-id='{requestId}']");
        await Expect(row).ToContainTextAsync("coordinator@demo.local");
        await Expect(row.GetByTestId("pending-rows")).ToHaveTextAsync("740");
        await Expect(row.GetByTestId("pending-reason")).ToHaveTextAsync("Annual report to the donor: cases of 2025 by category");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        session.ConsoleErrors.Should().BeEmpty();
        await Screenshots.SaveAsync(page, "export-approvals.png");

        await row.GetByTestId("approve").ClickAsync();

        await Expect(page.GetByText("The export has been approved. Its requester can download it for 24 hours.")).ToBeVisibleAsync();
        await Expect(page.Locator($"[data-testid=pending-row][data-request-id='{requestId}']")).ToHaveCountAsync(0);
        await using var scope = portal.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ExportApproval>().AsNoTracking().SingleAsync(a => a.Id == requestId);
        stored.Status.Should().Be(ExportApprovalStatus.Approved);
    }

    /// <summary>A pending request of the case list with the St Petersburg office's cases, as the coordinator's form would store it.</summary>
    private async Task<Guid> SeedRequestAsync(string requesterEmail)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var requester = await db.Users.Where(u => u.Email == requesterEmail).Select(u => u.Id).SingleAsync();
        var office = await db.Offices.Where(o => o.Name == "St Petersburg").Select(o => o.Id).SingleAsync();
        var request = new ExportApproval(ExportApprovalKind.CaseList, requester, portal.Clock.GetUtcNow().AddMinutes(-20),
            $"office={office}&from=2025-01-01&to=2025-12-31&scope=all", "Office St Petersburg; Opened from 2025-01-01; Opened to 2025-12-31; Scope All cases I may see",
            740, "Annual report to the donor: cases of 2025 by category");
        db.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}
