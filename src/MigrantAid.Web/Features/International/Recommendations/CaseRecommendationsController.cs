using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>Linking recommendations from a case (the case's Edit permission decides; a hidden case answers 404).</summary>
[Authorize]
[Route("cases/{caseId:guid}/recommendations")]
public sealed class CaseRecommendationsController : Controller
{
    [HttpGet("link")]
    public async Task<IActionResult> Find(Guid caseId, [FromQuery] RecommendationQuery query, Viewer viewer, [FromServices] LinkFromCaseHandler handler, CancellationToken cancellationToken)
    {
        // Every filter binds as text and is checked by the handler.
        ModelState.Clear();
        return await ShowAsync(caseId, query, viewer, handler, null, cancellationToken);
    }

    [HttpPost("")]
    public async Task<IActionResult> Link(Guid caseId, LinkRecommendationInput input, [FromQuery] RecommendationQuery query, Viewer viewer,
        [FromServices] LinkCasesHandler handler, [FromServices] LinkFromCaseHandler find, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.LinkFromCaseAsync(caseId, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => ShowAsync(caseId, query, viewer, find, input, cancellationToken),
            CaseUrl(caseId), "The recommendation was linked to the case.");
    }

    [HttpPost("{recommendationId:int}/unlink")]
    public async Task<IActionResult> Unlink(Guid caseId, int recommendationId, Viewer viewer, [FromServices] LinkCasesHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.UnlinkAsync(caseId, recommendationId, viewer, cancellationToken);

        // A button, not a form: the outcome is never Invalid, so the model is never shown.
        return this.FormResult(outcome, new FormErrors(), recommendationId, CaseUrl(caseId), "The recommendation was unlinked from the case.");
    }

    /// <summary>The case page (another area's controller, named by its route values).</summary>
    private string CaseUrl(Guid caseId) => Url.Action("Show", "Cases", new { id = caseId })!;

    /// <param name="refused">The link that was refused, shown with what was typed.</param>
    private async Task<IActionResult> ShowAsync(Guid caseId, RecommendationQuery query, Viewer viewer, LinkFromCaseHandler handler,
        LinkRecommendationInput? refused, CancellationToken cancellationToken)
    {
        var errors = new FormErrors();
        var (model, result) = await handler.HandleAsync(caseId, query, viewer, errors, cancellationToken);
        if (model is null)
        {
            return result == CaseGateResult.Forbidden ? Forbid() : NotFound();
        }

        FormResults.CopyTo(ModelState, FormOutcome.Invalid, errors);
        model.Refused = refused;
        return View("LinkFromCase", model);
    }
}
