using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Privacy;

[Authorize(Policy = Policies.Admin)]
[Route("privacy")]
public sealed class PrivacyController : Controller
{
    /// <summary>How many due records the due list shows (the oldest first); the retention page gives the full counts.</summary>
    public const int DueListSize = 200;

    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ViewPrivacyHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("retention")]
    public async Task<IActionResult> Retention([FromServices] ViewRetentionHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken: cancellationToken));

    [HttpPost("retention")]
    public async Task<IActionResult> Retention(
        RetentionInput input, Viewer viewer, [FromServices] EditRetentionHandler handler, [FromServices] ViewRetentionHandler page, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(input, errors, viewer, cancellationToken);
        return await this.FormResultAsync(outcome, errors,
            async () => View(await page.HandleAsync(input, cancellationToken: cancellationToken)),
            Url.Action(nameof(Retention))!, "The retention schedule was saved.");
    }

    [HttpPost("retention/preview")]
    public async Task<IActionResult> Preview(Viewer viewer, [FromServices] RetentionRunHandler run, [FromServices] ViewRetentionHandler page, CancellationToken cancellationToken)
    {
        var counts = await run.RunAsync(viewer.UserId, dryRun: true, cancellationToken: cancellationToken);
        return View(nameof(Retention), await page.HandleAsync(preview: counts, cancellationToken: cancellationToken));
    }

    [HttpPost("retention/run")]
    public async Task<IActionResult> Run(Viewer viewer, [FromServices] RetentionRunHandler run, CancellationToken cancellationToken)
    {
        await run.RunAsync(viewer.UserId, dryRun: false, cancellationToken: cancellationToken);
        TempData[FormResults.FlashKey] = "The retention schedule was applied.";
        return RedirectToAction(nameof(Retention));
    }

    [HttpGet("retention/due/{kind}")]
    public async Task<IActionResult> Due(RetentionKind kind, [FromServices] ViewRetentionHandler handler, CancellationToken cancellationToken) =>
        ModelState.IsValid && await handler.ListAsync(kind, DueListSize, cancellationToken) is { } list ? View(list) : NotFound();
}
