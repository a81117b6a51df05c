using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

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
    public async Task<IActionResult> New(Guid caseId, Viewer viewer, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, null, viewer, cancellationToken) is { } input ? View("Proceeding", input) : NotFound();

    [HttpPost("new")]
    public async Task<IActionResult> New(Guid caseId, ProceedingInput input, Viewer viewer, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Done(caseId, await handler.SaveAsync(caseId, null, input, viewer, errors, cancellationToken), errors, "Proceeding", input);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, Viewer viewer, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, viewer, cancellationToken) is { } input ? View("Proceeding", input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, ProceedingInput input, Viewer viewer, [FromServices] EditProceedingHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Done(caseId, await handler.SaveAsync(caseId, id, input, viewer, errors, cancellationToken), errors, "Proceeding", input);
    }

    [HttpGet("{id:guid}/hearings/new")]
    public async Task<IActionResult> NewHearing(Guid caseId, Guid id, Viewer viewer, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, null, viewer, cancellationToken) is { } input ? View("Hearing", input) : NotFound();

    [HttpPost("{id:guid}/hearings/new")]
    public async Task<IActionResult> NewHearing(Guid caseId, Guid id, HearingInput input, Viewer viewer, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Done(caseId, await handler.SaveAsync(caseId, id, null, input, viewer, errors, cancellationToken), errors, "Hearing", input);
    }

    [HttpGet("{id:guid}/hearings/{hearingId:guid}/edit")]
    public async Task<IActionResult> EditHearing(Guid caseId, Guid id, Guid hearingId, Viewer viewer, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, hearingId, viewer, cancellationToken) is { } input ? View("Hearing", input) : NotFound();

    [HttpPost("{id:guid}/hearings/{hearingId:guid}/edit")]
    public async Task<IActionResult> EditHearing(Guid caseId, Guid id, Guid hearingId, HearingInput input, Viewer viewer, [FromServices] EditHearingHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Done(caseId, await handler.SaveAsync(caseId, id, hearingId, input, viewer, errors, cancellationToken), errors, "Hearing", input);
    }

    [HttpGet("{id:guid}/decisions/new")]
    public async Task<IActionResult> NewDecision(Guid caseId, Guid id, Viewer viewer, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, null, viewer, cancellationToken) is { } input ? View("Decision", input) : NotFound();

    [HttpPost("{id:guid}/decisions/new")]
    public async Task<IActionResult> NewDecision(Guid caseId, Guid id, DecisionInput input, Viewer viewer, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Done(caseId, await handler.SaveAsync(caseId, id, null, input, viewer, errors, cancellationToken), errors, "Decision", input);
    }

    [HttpGet("{id:guid}/decisions/{decisionId:guid}/edit")]
    public async Task<IActionResult> EditDecision(Guid caseId, Guid id, Guid decisionId, Viewer viewer, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(caseId, id, decisionId, viewer, cancellationToken) is { } input ? View("Decision", input) : NotFound();

    [HttpPost("{id:guid}/decisions/{decisionId:guid}/edit")]
    public async Task<IActionResult> EditDecision(Guid caseId, Guid id, Guid decisionId, DecisionInput input, Viewer viewer, [FromServices] EditDecisionHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return Done(caseId, await handler.SaveAsync(caseId, id, decisionId, input, viewer, errors, cancellationToken), errors, "Decision", input);
    }

    /// <summary>A form's answer: back to the case's proceedings when saved, the form again (values kept) when refused.</summary>
    private IActionResult Done(Guid caseId, FormOutcome outcome, FormErrors errors, string view, ProceedingFormInput input)
    {
        if (outcome.IsSaved && outcome.Data is int deadlines)
        {
            TempData[CaseProceedingsViewComponent.DeadlinesKey] = deadlines;
        }

        return this.FormResult(outcome, errors, input, Url.CasePage(caseId, "proceedings"), SavedMessage(view, input.IsNew), view);
    }

    private static string SavedMessage(string view, bool isNew) => (view, isNew) switch
    {
        ("Proceeding", true) => "The proceeding was added.",
        ("Proceeding", false) => "The proceeding was saved.",
        ("Hearing", true) => "The hearing was added.",
        ("Hearing", false) => "The hearing was saved.",
        ("Decision", true) => "The decision was recorded.",
        _ => "The decision was saved.",
    };
}
