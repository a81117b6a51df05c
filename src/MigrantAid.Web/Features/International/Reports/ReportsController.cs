using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure.Files;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Reports;

/// <summary>Reports for case staff: the recommendation follow-up report and its exports.</summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("reports")]
public sealed class ReportsController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    [HttpGet("recommendations")]
    public async Task<IActionResult> Recommendations([FromQuery] FollowUpQuery query, [FromServices] RecommendationFollowUpHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        foreach (var field in query.Parse().Problems)
        {
            ModelState.AddModelError(field, field switch
            {
                "state" => l["Choose a state from the list."],
                "body" => l["Choose a body from the list."],
                _ => l["Enter a year, for example {0}.", "2019"],
            });
        }

        return View(await handler.PageAsync(query, cancellationToken));
    }

    [HttpGet("recommendations/export.csv")]
    public async Task<IActionResult> Csv([FromQuery] FollowUpQuery query, [FromServices] RecommendationFollowUpHandler handler, CancellationToken cancellationToken) =>
        Download(await handler.ExportAsync(query, "csv", Exporter.From(User, clock.GetUtcNow()), cancellationToken));

    [HttpGet("recommendations/export.xlsx")]
    public async Task<IActionResult> Xlsx([FromQuery] FollowUpQuery query, [FromServices] RecommendationFollowUpHandler handler, CancellationToken cancellationToken) =>
        Download(await handler.ExportAsync(query, "xlsx", Exporter.From(User, clock.GetUtcNow()), cancellationToken));

    private FileContentResult Download(FileDownload file)
    {
        Response.Headers.CacheControl = "no-store";
        return File(file.Content, file.ContentType, file.FileName);
    }
}
