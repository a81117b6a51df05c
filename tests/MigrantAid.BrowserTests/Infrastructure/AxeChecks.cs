using System.Text.Json;
using Deque.AxeCore.Commons;

namespace MigrantAid.BrowserTests.Infrastructure;

/// <summary>
/// axe-core, as shipped in Deque.AxeCore.Playwright's package (Deque.AxeCore.Commons), added to every
/// document of a <see cref="BrowserSession"/>: it runs on each page once the page has loaded and hands
/// the serious and critical violations to the test through a binding, and <see cref="SeriousViolationsAsync"/>
/// runs it again on demand (a dialog opened, a page changed without navigating). Each violation reads as one
/// line per element: impact, rule, page and language, help text, CSS target and the element's HTML.
/// </summary>
public static class AxeChecks
{
    /// <summary>The binding through which a page reports its automatic check.</summary>
    public const string ReportBinding = "__migrantAidReportAxe";

    private static readonly Lazy<string> Script = new(() => AxeSource() + "\n" + Runner);

    /// <summary>
    /// Runs axe on the top document once loaded; <c>__migrantAidAxe</c> keeps the promise so that an
    /// explicit check waits for it (axe refuses two runs at once). Minor and moderate findings are not failures (ADR 0015).
    /// </summary>
    private const string Runner = """
        (() => {
          if (window.top !== window) return;
          const serious = r => r.violations
            .filter(v => v.impact === "serious" || v.impact === "critical")
            .flatMap(v => v.nodes.map(n => `${v.impact} '${v.id}' on ${location.pathname}${location.search} [${document.documentElement.lang}]: ${v.help} (at ${n.target.join(" ")}) ${n.html.slice(0, 160)}`));
          window.__migrantAidAxeCheck = () => window.axe.run(document, { resultTypes: ["violations"] }).then(serious);
          window.addEventListener("load", () => {
            window.__migrantAidAxe = window.__migrantAidAxeCheck()
              .then(lines => window.__migrantAidReportAxe(JSON.stringify(lines)))
              .catch(() => {});
          });
        })();
        """;

    /// <summary>The script every document of a session starts with: axe-core and its automatic run.</summary>
    public static string InitScript => Script.Value;

    public static IReadOnlyList<string> Parse(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];

    /// <summary>Checks the page as it is now (after its automatic check, if one is running).</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page) =>
        Parse(await page.EvaluateAsync<string>("""
            async () => {
              if (window.__migrantAidAxe) await window.__migrantAidAxe;
              return JSON.stringify(await window.__migrantAidAxeCheck());
            }
            """));

    public static async Task ExpectNoSeriousViolationsAsync(IPage page) =>
        (await SeriousViolationsAsync(page)).Should().BeEmpty("axe-core finds no serious or critical accessibility violation");

    /// <summary>Waits until the page's automatic check has been reported (the last page of a test).</summary>
    public static Task AwaitAutomaticCheckAsync(IPage page) =>
        page.EvaluateAsync("async () => { if (window.__migrantAidAxe) await window.__migrantAidAxe; }");

    private static string AxeSource()
    {
        var assembly = typeof(AxeResult).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("axe.min.js", StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
