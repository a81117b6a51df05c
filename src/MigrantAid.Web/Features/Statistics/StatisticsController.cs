using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Statistics;

/// <summary>Statistics for international reporting: anonymised, suppressed counts of cases, for coordinators only.</summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("statistics")]
public sealed class StatisticsController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] StatisticsQuery query, [FromServices] BuildStatisticsHandler handler, CancellationToken cancellationToken)
    {
        // Every parameter binds as text and is checked by the handler.
        ModelState.Clear();
        var page = await handler.PageAsync(query, cancellationToken);
        foreach (var field in page.Filter.Problems)
        {
            ModelState.AddModelError(field, field switch
            {
                "rows" or "cols" => l["Choose what to count by from the list."],
                "from" or "to" => l["Enter a year between {0} and {1}, the first not after the last.", StatisticsFilter.MinYear, StatisticsFilter.MaxYear],
                _ => l["Choose a value from the list."],
            });
        }

        return View(page);
    }

    [HttpGet("export.csv")]
    public Task<IActionResult> Csv([FromQuery] StatisticsQuery query, [FromServices] ExportStatisticsHandler handler, CancellationToken cancellationToken) =>
        Export(query, "csv", handler, cancellationToken);

    [HttpGet("export.xlsx")]
    public Task<IActionResult> Xlsx([FromQuery] StatisticsQuery query, [FromServices] ExportStatisticsHandler handler, CancellationToken cancellationToken) =>
        Export(query, "xlsx", handler, cancellationToken);

    private async Task<IActionResult> Export(StatisticsQuery query, string format, ExportStatisticsHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (await handler.HandleAsync(query, format, Exporter.From(User, clock.GetUtcNow()), cancellationToken) is not { } file)
        {
            // The page shows what is wrong with the filters.
            return Redirect(Url.Action(nameof(Index)) + Request.QueryString.ToString());
        }

        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>The query string of a statistics link with the given parameters (empty ones left out).</summary>
    public static string Query(IEnumerable<(string Name, string? Value)> parameters) =>
        QueryString.Create(parameters.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => new KeyValuePair<string, string?>(p.Name, p.Value))).ToString();

    public static IEnumerable<(string, string?)> Parameters(StatisticsQuery q) =>
    [
        ("rows", q.Rows), ("cols", q.Cols), ("category", q.Category), ("citizenship", q.Citizenship), ("country", q.Country),
        ("age", q.Age), ("sex", q.Sex), ("outcome", q.Outcome), ("forum", q.Forum), ("office", q.Office), ("situation", q.Situation), ("from", q.From), ("to", q.To),
    ];

    /// <summary>The query string of the example "children deported separately, by country" for one year.</summary>
    public static string Example(int category, int year) => Query(
    [
        ("rows", "country"), ("category", category.ToString(CultureInfo.InvariantCulture)), ("age", "child"),
        ("from", year.ToString(CultureInfo.InvariantCulture)), ("to", year.ToString(CultureInfo.InvariantCulture)),
    ]);
}
