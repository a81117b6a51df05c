using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Audit;

[Authorize(Policy = Policies.Admin)]
[Route("audit")]
public sealed class AuditController(IStringLocalizer<SharedResource> l, TimeProvider clock) : Controller
{
    /// <summary>The log as filtered, as CSV; filters that do not read go back to the page, which says what is wrong.</summary>
    [HttpGet("export.csv")]
    public async Task<IActionResult> Export([FromQuery] AuditLogFilter filter, [FromServices] AuditSelectionHandler selection, CancellationToken cancellationToken)
    {
        var selected = await selection.HandleAsync(filter, User.Id(), cancellationToken);
        if (!ModelState.IsValid || selected.Problems.Count > 0)
        {
            // Not RedirectToAction: a route value named "action" would name the controller's action.
            return LocalRedirect(Url.Action(nameof(Index))! + QueryString.Create(filter.FilterValues()).ToUriComponent());
        }

        return new AuditCsvResult(selected, filter, Exporter.From(User, clock.GetUtcNow()));
    }

    // [FromQuery]: a property named Action must not bind from the route's own "action" value.
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] AuditLogFilter filter, [FromServices] ViewAuditLogHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only the page key can fail to bind (the other filters are text): start from the newest events.
            ModelState.Clear();
            filter.Before = null;
            filter.After = null;
            ModelState.AddModelError("", l["The page link is not valid, so the newest events are shown."]);
        }

        var page = await handler.HandleAsync(filter, User.Id(), cancellationToken);
        foreach (var problem in page.Problems)
        {
            switch (problem)
            {
                case AuditFilterProblem.UnknownActor:
                    ModelState.AddModelError("actor", l["No user has this e-mail address."]);
                    break;
                case AuditFilterProblem.UnknownAction:
                    ModelState.AddModelError("action", l["Choose an action from the list."]);
                    break;
                case AuditFilterProblem.BadFrom:
                    ModelState.AddModelError("from", l["Enter a valid date, for example {0}.", "2025-01-31"]);
                    break;
                case AuditFilterProblem.BadTo:
                    ModelState.AddModelError("to", l["Enter a valid date, for example {0}.", "2025-01-31"]);
                    break;
                case AuditFilterProblem.FromAfterTo:
                    ModelState.AddModelError("to", l["The end of the period must not be before its start."]);
                    break;
            }
        }

        return View(page);
    }
}
