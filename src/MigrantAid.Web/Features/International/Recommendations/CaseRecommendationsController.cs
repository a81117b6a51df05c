using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Recommendations;

/// <summary>Linking recommendations from a case (the case's Edit permission decides; a hidden case answers 404).</summary>
[Authorize]
[Route("cases/{caseId:guid}/recommendations")]
public sealed class CaseRecommendationsController(IStringLocalizer<SharedResource> l) : Controller
{
    private const string LinkView = "/Features/International/Recommendations/LinkFromCase.cshtml";

    [HttpGet("link")]
    public async Task<IActionResult> Find(Guid caseId, [FromQuery] RecommendationQuery query, [FromServices] LinkFromCaseHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var (model, result) = await handler.HandleAsync(caseId, query, User, ModelState, cancellationToken);
        return result switch
        {
            CaseGateResult.Allowed => View(LinkView, model),
            CaseGateResult.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    [HttpPost("")]
    public async Task<IActionResult> Link(Guid caseId, LinkRecommendationInput input, [FromQuery] RecommendationQuery query,
        [FromServices] LinkCasesHandler handler, [FromServices] LinkFromCaseHandler find, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await handler.LinkAsync(caseId, input.RecommendationId!.Value, input.Note, User, cancellationToken))
            {
                case LinkOutcome.Linked:
                    TempData["Success"] = "The recommendation was linked to the case.";
                    return Redirect($"/cases/{caseId}");
                case LinkOutcome.CaseNotFound:
                    return NotFound();
                case LinkOutcome.Forbidden:
                    return Forbid();
                case LinkOutcome.AlreadyLinked:
                    ModelState.AddModelError(nameof(input.Note), l["This recommendation is already linked to the case."]);
                    break;
                default:
                    ModelState.AddModelError(nameof(input.Note), l["This recommendation is no longer in the register."]);
                    break;
            }
        }

        var (model, result) = await find.HandleAsync(caseId, query, User, ModelState, cancellationToken);
        if (model is null)
        {
            return result == CaseGateResult.Forbidden ? Forbid() : NotFound();
        }

        model.Refused = input;
        return View(LinkView, model);
    }

    [HttpPost("{recommendationId:int}/unlink")]
    public async Task<IActionResult> Unlink(Guid caseId, int recommendationId, [FromServices] LinkCasesHandler handler, CancellationToken cancellationToken)
    {
        switch (await handler.UnlinkAsync(caseId, recommendationId, User, cancellationToken))
        {
            case LinkOutcome.Unlinked:
                TempData["Success"] = "The recommendation was unlinked from the case.";
                return Redirect($"/cases/{caseId}");
            case LinkOutcome.NotLinked:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/cases/{caseId}");
            case LinkOutcome.Forbidden:
                return Forbid();
            default:
                return NotFound();
        }
    }
}
