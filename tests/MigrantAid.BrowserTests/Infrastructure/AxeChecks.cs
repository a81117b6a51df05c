using Deque.AxeCore.Playwright;

namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (Deque.AxeCore.Playwright) run on a page as it is shown: every serious or critical violation
/// is a failure, reported as one readable line per element (impact, rule, page and language, element).
/// <see cref="BrowserSession"/> runs it on every page a test leaves and on the last one; tests call
/// <see cref="ExpectNoSeriousViolationsAsync"/> (through <see cref="PageChecks"/>) where a page changed without navigating.
/// </summary>
public static class AxeChecks
{
    private static readonly HashSet<string> Failing = new(StringComparer.OrdinalIgnoreCase) { "serious", "critical" };

    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var result = await page.RunAxe();
        var where = $"{new Uri(page.Url).PathAndQuery} [{await page.EvaluateAsync<string>("() => document.documentElement.lang")}]";
        return result.Violations
            .Where(v => v.Impact is not null && Failing.Contains(v.Impact))
            .SelectMany(v => v.Nodes.Select(n => $"{v.Impact} '{v.Id}' on {where}: {v.Help} — at {n.Target} {Shorten(n.Html)}"))
            .ToList();
    }

    public static async Task ExpectNoSeriousViolationsAsync(IPage page) =>
        (await SeriousViolationsAsync(page)).Should().BeEmpty("axe-core finds no serious or critical accessibility violation");

    private static string Shorten(string? html) =>
        html is null ? "" : html.Length <= 160 ? html : html[..160] + "…";
}
