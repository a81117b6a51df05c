using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseSummary;

/// <summary>The one-page summary of a case to print for a hearing; the same access rule as the case (404 otherwise).</summary>
[Authorize]
[Route("cases")]
public sealed class CaseSummaryController(TimeProvider clock) : Controller
{
    [HttpGet("{id:guid}/summary")]
    public async Task<IActionResult> Show(Guid id, [FromQuery] bool account, Viewer viewer, [FromServices] PrintCaseSummaryHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only the "include the account" box can fail to bind: leave the narratives out.
            account = false;
            ModelState.Clear();
        }

        var model = await handler.HandleAsync(id, account, viewer, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        model.PrintedBy = Exporter.From(User, clock.GetUtcNow());
        return View(model);
    }
}
