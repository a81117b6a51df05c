using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// Court proceedings of a case, their hearings and decisions. Whoever may change the case may use these
/// pages; anyone else gets 404, as for a case that does not exist (see <see cref="Security.CaseGate"/>).
/// </summary>
[Authorize]
[Route("cases/{caseId:guid}/proceedings")]
public sealed class ProceedingsController : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(Guid caseId, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, null, User, cancellationToken) is { } input ? View("Proceeding", input) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> New(Guid caseId, ProceedingInput input, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken) =>
        Done(caseId, await handler.SaveAsync(caseId, null, input, User, ModelState, cancellationToken), "Proceeding", input);

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, User, cancellationToken) is { } input ? View("Proceeding", input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, ProceedingInput input, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken) =>
        Done(caseId, await handler.SaveAsync(caseId, id, input, User, ModelState, cancellationToken), "Proceeding", input);

    [HttpGet("{id:guid}/hearings/new")]
    public async Task<IActionResult> NewHearing(Guid caseId, Guid id, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, null, User, cancellationToken) is { } input ? View("Hearing", input) : NotFound();

    [HttpPost("{id:guid}/hearings/new")]
    public async Task<IActionResult> NewHearing(Guid caseId, Guid id, HearingInput input, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken) =>
        Done(caseId, await handler.SaveAsync(caseId, id, null, input, User, ModelState, cancellationToken), "Hearing", input);

    [HttpGet("{id:guid}/hearings/{hearingId:guid}/edit")]
    public async Task<IActionResult> EditHearing(Guid caseId, Guid id, Guid hearingId, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, hearingId, User, cancellationToken) is { } input ? View("Hearing", input) : NotFound();

    [HttpPost("{id:guid}/hearings/{hearingId:guid}/edit")]
    public async Task<IActionResult> EditHearing(Guid caseId, Guid id, Guid hearingId, HearingInput input, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken) =>
        Done(caseId, await handler.SaveAsync(caseId, id, hearingId, input, User, ModelState, cancellationToken), "Hearing", input);

    [HttpGet("{id:guid}/decisions/new")]
    public async Task<IActionResult> NewDecision(Guid caseId, Guid id, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, null, User, cancellationToken) is { } input ? View("Decision", input) : NotFound();

    [HttpPost("{id:guid}/decisions/new")]
    public async Task<IActionResult> NewDecision(Guid caseId, Guid id, DecisionInput input, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken) =>
        Done(caseId, await handler.SaveAsync(caseId, id, null, input, User, ModelState, cancellationToken), "Decision", input);

    [HttpGet("{id:guid}/decisions/{decisionId:guid}/edit")]
    public async Task<IActionResult> EditDecision(Guid caseId, Guid id, Guid decisionId, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, decisionId, User, cancellationToken) is { } input ? View("Decision", input) : NotFound();

    [HttpPost("{id:guid}/decisions/{decisionId:guid}/edit")]
    public async Task<IActionResult> EditDecision(Guid caseId, Guid id, Guid decisionId, DecisionInput input, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken) =>
        Done(caseId, await handler.SaveAsync(caseId, id, decisionId, input, User, ModelState, cancellationToken), "Decision", input);

    /// <summary>A form's answer: back to the case's proceedings when saved, the form again (values kept) when refused.</summary>
    private IActionResult Done(Guid caseId, ProceedingSaveResult result, string view, ProceedingFormInput input)
    {
        switch (result.Outcome)
        {
            case CaseChangeOutcome.NotFound:
            case CaseChangeOutcome.Forbidden:
                return NotFound();
            case CaseChangeOutcome.Invalid:
            case CaseChangeOutcome.Conflict:
                return View(view, input);
            case CaseChangeOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/cases/{caseId}#proceedings");
            default:
                Saved(view, input.IsNew);
                if (result.Deadlines is { } deadlines)
                {
                    TempData[CaseProceedingsViewComponent.DeadlinesKey] = deadlines;
                }

                return Redirect($"/cases/{caseId}#proceedings");
        }
    }

    private void Saved(string view, bool isNew)
    {
        switch (view, isNew)
        {
            case ("Proceeding", true):
                TempData["Success"] = "The proceeding was added.";
                break;
            case ("Proceeding", false):
                TempData["Success"] = "The proceeding was saved.";
                break;
            case ("Hearing", true):
                TempData["Success"] = "The hearing was added.";
                break;
            case ("Hearing", false):
                TempData["Success"] = "The hearing was saved.";
                break;
            case ("Decision", true):
                TempData["Success"] = "The decision was recorded.";
                break;
            default:
                TempData["Success"] = "The decision was saved.";
                break;
        }
    }
}
