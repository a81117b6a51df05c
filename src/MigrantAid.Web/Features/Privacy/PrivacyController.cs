using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Privacy;

[Authorize(Policy = Policies.Admin)]
[Route("privacy")]
public sealed class PrivacyController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ViewPrivacyHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));
}
