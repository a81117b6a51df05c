using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>
/// The follow-up of a submission: assessments per round and the closing with its result. Needs the case's
/// Edit permission (<see cref="CaseGate"/>); a case or submission the user may not see answers 404.
/// </summary>
[Authorize]
[Route("cases/{caseId:guid}/submissions/{id:guid}/follow-up")]
public sealed class FollowUpController : Controller
{
    private const string AssessView = "/Features/International/Submissions/Assess.cshtml";
    private const string CloseView = "/Features/International/Submissions/CloseFollowUp.cshtml";

    [HttpGet("assess")]
    public async Task<IActionResult> Assess(Guid caseId, Guid id, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.NewAsync<AssessmentInput>(caseId, id, User, cancellationToken);
        return Answer(result, () => View(AssessView, input));
    }

    [HttpPost("assess")]
    public async Task<IActionResult> Assess(Guid caseId, Guid id, AssessmentInput input, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.AssessAsync(caseId, id, input, User, ModelState, cancellationToken);
        if (outcome == CaseChangeOutcome.Saved)
        {
            TempData["Success"] = "The assessment was recorded.";
        }

        return Done(caseId, id, outcome, () => View(AssessView, input));
    }

    [HttpGet("close")]
    public async Task<IActionResult> Close(Guid caseId, Guid id, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.NewAsync<CloseFollowUpInput>(caseId, id, User, cancellationToken);
        return Answer(result, () => View(CloseView, input));
    }

    [HttpPost("close")]
    public async Task<IActionResult> Close(Guid caseId, Guid id, CloseFollowUpInput input, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.CloseAsync(caseId, id, input, User, ModelState, cancellationToken);
        if (outcome == CaseChangeOutcome.Saved)
        {
            TempData["Success"] = "The follow-up was closed.";
        }

        return Done(caseId, id, outcome, () => View(CloseView, input));
    }

    private IActionResult Answer(CaseGateResult result, Func<IActionResult> allowed) => result switch
    {
        CaseGateResult.Allowed => allowed(),
        CaseGateResult.Forbidden => Forbid(),
        _ => NotFound(),
    };

    private IActionResult Done(Guid caseId, Guid id, CaseChangeOutcome outcome, Func<IActionResult> form)
    {
        switch (outcome)
        {
            case CaseChangeOutcome.NotFound:
                return NotFound();
            case CaseChangeOutcome.Forbidden:
                return Forbid();
            case CaseChangeOutcome.Invalid:
            case CaseChangeOutcome.Conflict:
                return form();
            default:
                return Redirect($"/cases/{caseId}/submissions/{id}");
        }
    }
}
