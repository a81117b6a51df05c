using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>The coordinator dashboard and its own drill-down lists (coordinators only).</summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("dashboard")]
public sealed class DashboardController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] DashboardQuery query, [FromServices] ViewDashboardHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var model = await handler.HandleAsync(query, Viewer.From(User), l, cancellationToken);
        foreach (var (field, problem) in model.Filter.Problems)
        {
            ModelState.AddModelError(field, problem switch
            {
                DashboardProblem.UnknownOffice => l["Choose an office from the list."],
                DashboardProblem.BadFrom or DashboardProblem.BadTo => l["Enter a valid date, for example {0}.", "2025-01-31"],
                DashboardProblem.FromAfterTo => l["The end of the period must not be before its start."],
                _ => l["The period can be at most two years long."],
            });
        }

        return View(model);
    }

    [HttpGet("lawyers")]
    public async Task<IActionResult> Lawyers([FromQuery] DashboardQuery query, [FromQuery] int page, [FromServices] DashboardLawyersHandler handler,
        CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return View(await handler.HandleAsync(query, page, Viewer.From(User), l, cancellationToken));
    }

    [HttpGet("deadlines")]
    public async Task<IActionResult> Deadlines([FromQuery] DashboardListQuery query, [FromServices] DashboardListsHandler handler, CancellationToken cancellationToken) =>
        await ListAsync(handler.DeadlinesAsync(query, Viewer.From(User), l, cancellationToken), handler, cancellationToken);

    [HttpGet("outcomes")]
    public async Task<IActionResult> Outcomes([FromQuery] DashboardListQuery query, [FromServices] DashboardListsHandler handler, CancellationToken cancellationToken) =>
        await ListAsync(handler.OutcomesAsync(query, Viewer.From(User), l, cancellationToken), handler, cancellationToken);

    [HttpGet("assigned")]
    public async Task<IActionResult> Assigned([FromQuery] DashboardListQuery query, [FromServices] DashboardListsHandler handler, CancellationToken cancellationToken) =>
        await ListAsync(handler.AssignedAsync(query, Viewer.From(User), l, cancellationToken), handler, cancellationToken);

    /// <summary>A drill-down list, with a note when sealed cases the viewer is not named on may be counted in its figure but not listed.</summary>
    private async Task<IActionResult> ListAsync(Task<DashboardListModel> list, DashboardListsHandler handler, CancellationToken cancellationToken)
    {
        var model = await list;
        return View("List", model with { SealedLeftOut = model.IsValid && await handler.SealedLeftOutAsync(Viewer.From(User), cancellationToken) });
    }
}
