using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Cases.Sealing;

/// <summary>
/// Sealed cases (issue 15): coordinators seal a case, change who is named on it and lift the seal; a named person gives
/// the reason for viewing it. Whoever may not see the case gets 404, as on the case page; the sealing pages are for
/// coordinators (403 for anyone else).
/// </summary>
[Authorize]
[Route("cases/{id:guid}")]
public sealed class SealedCaseController : Controller
{
    [HttpGet("seal")]
    [Authorize(Policy = Policies.Coordinator)]
    public async Task<IActionResult> Seal(Guid id, Viewer viewer, [FromServices] SealCaseHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.LoadAsync(id, viewer, cancellationToken);
        return result switch
        {
            CaseGateResult.Allowed when input is not null => View(input),
            CaseGateResult.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    [HttpPost("seal")]
    [Authorize(Policy = Policies.Coordinator)]
    public Task<IActionResult> Seal(Guid id, SealCaseInput input, Viewer viewer, [FromServices] SealCaseHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.SealAsync(id, input, viewer, errors, cancellationToken), Url.CasePage(id), "The case is sealed: only the people named may open it.");

    [HttpPost("unseal")]
    [Authorize(Policy = Policies.Coordinator)]
    public async Task<IActionResult> Unseal(Guid id, [FromForm] uint version, Viewer viewer, [FromServices] SealCaseHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(version));
        var outcome = await handler.UnsealAsync(id, version, viewer, cancellationToken);
        return await this.FormResultAsync(outcome, this.FormErrors(), async () =>
        {
            var (input, _) = await handler.LoadAsync(id, viewer, cancellationToken);
            return input is null ? NotFound() : View(nameof(Seal), input);
        }, Url.CasePage(id), "The seal was lifted.");
    }

    [HttpGet("reason", Name = SealedReasonFilter.ReasonRoute)]
    [AsksNoSealedReason]
    public async Task<IActionResult> Reason(Guid id, [FromQuery] string? returnUrl, Viewer viewer, [FromServices] GiveViewReasonHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var input = await handler.LoadAsync(id, LocalOrNull(returnUrl), viewer, cancellationToken);
        return input switch
        {
            null => NotFound(),
            { NotSealed: true } => Redirect(input.ReturnUrl ?? Url.CasePage(id)),
            _ => View(input),
        };
    }

    [HttpPost("reason")]
    [AsksNoSealedReason]
    public Task<IActionResult> Reason(Guid id, ViewReasonInput input, Viewer viewer, [FromServices] GiveViewReasonHandler handler, CancellationToken cancellationToken)
    {
        input.ReturnUrl = LocalOrNull(input.ReturnUrl);
        return this.SubmitAsync(input, errors => handler.GiveAsync(id, input, viewer, CurrentSession.Id(HttpContext), errors, cancellationToken),
            input.ReturnUrl ?? Url.CasePage(id), "Your reason is recorded for 30 minutes.");
    }

    /// <summary>Only an address of this portal is followed after the reason (never another site).</summary>
    private string? LocalOrNull(string? url) => !string.IsNullOrEmpty(url) && url.StartsWith('/') && Url.IsLocalUrl(url) ? url : null;
}
