namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>Checks that every page should pass, read from the rendered DOM.</summary>
public static class PageChecks
{
    /// <summary>Names (or ids) of visible form controls that no label, aria-label or aria-labelledby names.</summary>
    public static Task<string[]> UnlabelledControlsAsync(IPage page) => page.EvaluateAsync<string[]>("""
        () => [...document.querySelectorAll(
                "input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]):not([type=image]), select, textarea")]
            .filter(e => !(e.labels && [...e.labels].some(l => l.textContent.trim().length > 0))
                && !(e.getAttribute("aria-label") || "").trim()
                && !(e.getAttribute("aria-labelledby") || "").trim())
            .map(e => e.name || e.id || e.outerHTML)
        """);

    /// <summary>One h1, one main landmark, every control labelled, and no serious or critical axe-core violation.</summary>
    public static async Task ExpectBasicAccessibilityAsync(IPage page)
    {
        var path = new Uri(page.Url).PathAndQuery;
        (await page.Locator("h1").CountAsync()).Should().Be(1, "{0} should have exactly one h1", path);
        (await page.Locator("main, [role=main]").CountAsync()).Should().Be(1, "{0} should have one main landmark", path);
        (await UnlabelledControlsAsync(page)).Should().BeEmpty("every form control on {0} needs a label", path);
        await AxeChecks.ExpectNoSeriousViolationsAsync(page);
    }
}
