using MigrantAid.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace MigrantAid.BrowserTests;

/// <summary>
/// axe-core on the main pages in Russian (every other browser test checks the pages it visits, mostly in
/// English, through <see cref="BrowserSession"/>): labels, names, landmarks and contrast hold in both languages.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AccessibilityTests(BrowserPortal portal)
{
    private static readonly string[] WorkPages =
    [
        "/", "/intakes", "/cases", "/clients", "/clients/new", "/desk", "/calendar", "/calendar/feed", "/dashboard",
        "/dashboard/deadlines", "/statistics", "/recommendations", "/reports/recommendations", "/notifications", "/profile",
        "/profile/password",
    ];

    private static readonly string[] AdminPages =
    [
        "/users", "/users/create", "/offices", "/offices/create", "/categories", "/deadline-rules", "/deadline-rules/create",
        "/calendars", "/treaty-acceptance", "/treaty-acceptance/new", "/audit", "/exports",
    ];

    [Fact]
    public async Task Main_work_pages_in_Russian_have_no_serious_accessibility_violation()
    {
        await using var session = await portal.OpenAsync(locale: "ru-RU");
        var page = session.Page;
        await session.SignInAsync("coordinator@demo.local");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");

        foreach (var path in WorkPages)
        {
            await VisitAsync(page, path);
        }

        // A case of the office, its summary, and a client.
        var casePath = await FirstRecordAsync(page, "/cases");
        await VisitAsync(page, casePath);
        await VisitAsync(page, casePath + "/summary?account=true");
        await VisitAsync(page, await FirstRecordAsync(page, "/clients"));

        (await session.CheckPagesAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Administration_pages_in_Russian_have_no_serious_accessibility_violation()
    {
        await using var session = await portal.OpenAsync(locale: "ru-RU");
        var page = session.Page;
        await session.SignInAsync("admin@demo.local");
        IReadOnlyList<string> problems;
        try
        {
            await SwitchLanguageAsync(page, "ru");
            foreach (var path in AdminPages)
            {
                await VisitAsync(page, path);
            }

            problems = await session.CheckPagesAsync();
        }
        finally
        {
            // The demo administrator is shared with other tests, which expect English.
            await SwitchLanguageAsync(page, "en");
        }

        problems.Should().BeEmpty();
    }

    /// <summary>The address of the first record a list links to (/cases/{id}, /clients/{id}).</summary>
    private static async Task<string> FirstRecordAsync(IPage page, string list)
    {
        await page.GotoAsync(list);
        var links = await page.Locator($"main a[href^='{list}/']").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        return links.First(href => Guid.TryParse(href[(list.Length + 1)..], out _));
    }

    /// <summary>Opens a page; the session checks it with axe-core before it leaves (or at <see cref="BrowserSession.CheckPagesAsync"/>).</summary>
    private static async Task VisitAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        response!.Status.Should().Be(200, "{0} should open", path);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
    }

    /// <summary>
    /// Sets the signed-in user's language the way the language form does (POST /language with the page's
    /// antiforgery token), whatever shape the top bar's menu takes.
    /// </summary>
    private static async Task SwitchLanguageAsync(IPage page, string culture)
    {
        await page.GotoAsync("/profile");
        var status = await page.EvaluateAsync<int>("""
            async culture => {
                const token = document.querySelector("input[name=__RequestVerificationToken]").value;
                const body = new URLSearchParams({ culture, returnUrl: "/", __RequestVerificationToken: token });
                const response = await fetch("/language", { method: "POST", body, redirect: "manual" });
                return response.type === "opaqueredirect" ? 302 : response.status;
            }
            """, culture);
        status.Should().BeOneOf(200, 302);
        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", culture);
    }
}
