using Microsoft.Extensions.DependencyInjection;
using MigrantAid.BrowserTests.Infrastructure;
using MigrantAid.Web.Features.Exports;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// Issue 5 point 4 as an administrator lives it: the export is started from the navigation, its page
/// shows the progress bar while the background worker writes it, then the download link; the zip downloads.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OrganisationExportTests(BrowserPortal portal)
{
    [Fact]
    public async Task Admin_starts_an_export_sees_its_progress_then_downloads_the_zip()
    {
        // The demo administrator: browser tests require a second factor of administrators they make
        // themselves (BrowserPortal), and the demo accounts are exempt while demo data is seeded.
        const string adminEmail = "admin@demo.local";

        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await session.SignInAsync(adminEmail);
        await page.GetByTestId("nav-exports").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Organisation export");
        await page.GetByTestId("start-export").ClickAsync();

        // The export's page: a progress bar (a <progress> named by its heading) that the page keeps up to date.
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/exports/[0-9a-f-]{36}$"));
        var progress = page.GetByTestId("export-progressbar");
        await Expect(progress).ToBeVisibleAsync();
        await Expect(progress).ToHaveAttributeAsync("aria-labelledby", "progress-heading");
        var percent = int.Parse((await page.GetByTestId("export-progress").GetAttributeAsync("data-percent"))!, System.Globalization.CultureInfo.InvariantCulture);
        percent.Should().BeInRange(0, 100);

        // The background worker (woken by the start) finishes; the page then offers the download.
        var download = page.GetByTestId("export-download");
        await Expect(download).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("export-status")).ToHaveAttributeAsync("data-status", "Completed");
        await Expect(page.GetByTestId("export-progress")).ToHaveAttributeAsync("data-percent", "100");
        await Expect(page.GetByTestId("export-progress-text")).ToContainTextAsync("100% done");
        await PageChecks.ExpectBasicAccessibilityAsync(page);
        session.ConsoleErrors.Should().BeEmpty();
        await Screenshots.SaveAsync(page, "organisation-export.png");

        var file = await page.RunAndWaitForDownloadAsync(() => download.ClickAsync());
        file.SuggestedFilename.Should().StartWith("migrantaid-export-").And.EndWith(".zip");

        await page.GetByTestId("nav-exports").ClickAsync();
        var row = page.GetByTestId("export-row").First;
        await Expect(row).ToContainTextAsync("Aigerim Sadykova");
        await Expect(row.GetByTestId("export-status")).ToHaveAttributeAsync("data-status", "Completed");
        await PageChecks.ExpectBasicAccessibilityAsync(page);

        // The zip was written under the portal's content root: leave nothing behind.
        var id = Guid.Parse((await row.GetAttributeAsync("data-export-id"))!);
        File.Delete(portal.Services.GetRequiredService<ExportFiles>().PathOf(id));
    }
}
