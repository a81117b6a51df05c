using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>
/// A case's submissions to international bodies. Reading needs the case's View permission, changing its
/// Edit permission (<see cref="CaseGate"/>); a case the user may not see answers 404.
/// </summary>
[Authorize]
[Route("cases/{caseId:guid}/submissions")]
public sealed class SubmissionsController : Controller
{
    [HttpGet("new")]
    public async Task<IActionResult> New(Guid caseId, Viewer viewer, [FromServices] AddSubmissionHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.NewAsync(caseId, viewer, cancellationToken);
        return Answer(result, () => View("Form", input));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(Guid caseId, SubmissionInput input, Viewer viewer, [FromServices] AddSubmissionHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(input.Version));
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(caseId, input, viewer, errors, cancellationToken);
        return this.FormResult(outcome, errors, input, ShowUrl(caseId, outcome.Id ?? Guid.Empty), "The submission was added.", "Form");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid caseId, Guid id, Viewer viewer, [FromServices] ViewSubmissionHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(caseId, id, viewer, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, Viewer viewer, [FromServices] EditSubmissionHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.LoadAsync(caseId, id, viewer, cancellationToken);
        return Answer(result, () => View("Form", input));
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, SubmissionInput input, Viewer viewer, [FromServices] EditSubmissionHandler handler,
        CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: treat a damaged one as out of date.
            ModelState.Remove(nameof(input.Version));
            input.Version = 0;
        }

        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(caseId, id, input, viewer, errors, cancellationToken);
        return this.FormResult(outcome, errors, input, ShowUrl(caseId, id), "The submission was saved.", "Form");
    }

    private string ShowUrl(Guid caseId, Guid id) => Url.Action(nameof(Show), new { caseId, id })!;

    private IActionResult Answer(CaseGateResult result, Func<IActionResult> allowed) => result switch
    {
        CaseGateResult.Allowed => allowed(),
        CaseGateResult.Forbidden => Forbid(),
        _ => NotFound(),
    };
}
