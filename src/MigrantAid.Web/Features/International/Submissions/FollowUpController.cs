using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>
/// The follow-up of a submission: assessments per round and the closing with its result. Needs the case's
/// Edit permission (<see cref="CaseGate"/>); a case or submission the user may not see answers 404.
/// Both forms have the same shape, so each action only names its form, its handler method and its message.
/// </summary>
[Authorize]
[Route("cases/{caseId:guid}/submissions/{id:guid}/follow-up")]
public sealed class FollowUpController : Controller
{
    private const string CloseView = "CloseFollowUp";

    private delegate Task<FormOutcome> Record<in T>(Guid caseId, Guid id, T input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken);

    [HttpGet("assess")]
    public Task<IActionResult> Assess(Guid caseId, Guid id, Viewer viewer, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken) =>
        FormAsync<AssessmentInput>(caseId, id, viewer, handler, nameof(Assess), cancellationToken);

    [HttpPost("assess")]
    public Task<IActionResult> Assess(Guid caseId, Guid id, AssessmentInput input, Viewer viewer, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken) =>
        SaveAsync(caseId, id, input, viewer, handler.AssessAsync, nameof(Assess), "The assessment was recorded.", cancellationToken);

    [HttpGet("close")]
    public Task<IActionResult> Close(Guid caseId, Guid id, Viewer viewer, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken) =>
        FormAsync<CloseFollowUpInput>(caseId, id, viewer, handler, CloseView, cancellationToken);

    [HttpPost("close")]
    public Task<IActionResult> Close(Guid caseId, Guid id, CloseFollowUpInput input, Viewer viewer, [FromServices] RecordFollowUpHandler handler, CancellationToken cancellationToken) =>
        SaveAsync(caseId, id, input, viewer, handler.CloseAsync, CloseView, "The follow-up was closed.", cancellationToken);

    private async Task<IActionResult> FormAsync<T>(Guid caseId, Guid id, Viewer viewer, RecordFollowUpHandler handler, string view, CancellationToken cancellationToken)
        where T : FollowUpFormInput, new()
    {
        var (input, result) = await handler.NewAsync<T>(caseId, id, viewer, cancellationToken);
        return result switch
        {
            CaseGateResult.Allowed => View(view, input),
            CaseGateResult.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    private async Task<IActionResult> SaveAsync<T>(Guid caseId, Guid id, T input, Viewer viewer, Record<T> record, string view, string saved, CancellationToken cancellationToken)
        where T : FollowUpFormInput
    {
        var errors = this.FormErrors();
        var outcome = await record(caseId, id, input, viewer, errors, cancellationToken);
        var submission = Url.Action(nameof(SubmissionsController.Show), "Submissions", new { caseId, id })!;
        return this.FormResult(outcome, errors, input, submission, saved, view);
    }
}
