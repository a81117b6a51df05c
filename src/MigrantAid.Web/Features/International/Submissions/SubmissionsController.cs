using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;
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
    public async Task<IActionResult> New(Guid caseId, [FromServices] AddSubmissionHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.NewAsync(caseId, User, cancellationToken);
        return Answer(result, () => View("Form", input));
    }

    [HttpPost("new")]
    public async Task<IActionResult> New(Guid caseId, SubmissionInput input, [FromServices] AddSubmissionHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(input.Version));
        var (outcome, id) = await handler.HandleAsync(caseId, input, User, ModelState, cancellationToken);
        return Done(caseId, outcome, input, added: true, id);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid caseId, Guid id, [FromServices] ViewSubmissionHandler handler, CancellationToken cancellationToken) =>
        await handler.HandleAsync(caseId, id, User, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, [FromServices] EditSubmissionHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.LoadAsync(caseId, id, User, cancellationToken);
        return Answer(result, () => View("Form", input));
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid caseId, Guid id, SubmissionInput input, [FromServices] EditSubmissionHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: treat a damaged one as out of date.
            ModelState.Remove(nameof(input.Version));
            input.Version = 0;
        }

        var outcome = await handler.HandleAsync(caseId, id, input, User, ModelState, cancellationToken);
        return Done(caseId, outcome, input, added: false, id);
    }

    private IActionResult Answer(CaseGateResult result, Func<IActionResult> allowed) => result switch
    {
        CaseGateResult.Allowed => allowed(),
        CaseGateResult.Forbidden => Forbid(),
        _ => NotFound(),
    };

    private IActionResult Done(Guid caseId, CaseChangeOutcome outcome, SubmissionInput input, bool added, Guid? id)
    {
        switch (outcome)
        {
            case CaseChangeOutcome.NotFound:
                return NotFound();
            case CaseChangeOutcome.Forbidden:
                return Forbid();
            case CaseChangeOutcome.Invalid:
            case CaseChangeOutcome.Conflict:
                return View("Form", input);
            case CaseChangeOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/cases/{caseId}/submissions/{id}");
            default:
                if (added)
                {
                    TempData["Success"] = "The submission was added.";
                }
                else
                {
                    TempData["Success"] = "The submission was saved.";
                }

                return Redirect($"/cases/{caseId}/submissions/{id}");
        }
    }
}
