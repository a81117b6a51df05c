using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.Search;

/// <summary>The results of the top bar's search box: cases and clients the user may see.</summary>
[Authorize(Policy = Policies.CaseStaff)]
public sealed class SearchController : Controller
{
    [HttpGet("/search")]
    public async Task<IActionResult> Index([FromQuery] string? q, [FromServices] GlobalSearchHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return View(await handler.HandleAsync(q, Viewer.From(User), cancellationToken));
    }
}
