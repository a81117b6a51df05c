using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases;

/// <summary>
/// The case file and the work done from it. Signed-in users only; whether a user may see or change
/// one case is decided per record by <see cref="CaseAuthorizationHandler"/>, and a refusal is a 404
/// like a missing case (so an administrator without a case role gets 404 too, not a hint that it exists).
/// </summary>
[Authorize]
[Route("cases")]
public sealed class CasesController : Controller
{
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromQuery] long? before, [FromServices] ViewCaseFileHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only the page key can fail to bind: show the newest entries.
            before = null;
            ModelState.Clear();
        }

        var model = await handler.HandleAsync(id, before, User, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> AddNote(Guid id, [Bind(Prefix = AddCaseNoteHandler.Prefix)] AddNoteInput input,
        [FromServices] AddCaseNoteHandler handler, [FromServices] ViewCaseFileHandler view, CancellationToken cancellationToken)
    {
        var outcome = await handler.HandleAsync(id, input, User, ModelState, cancellationToken);
        if (outcome == CaseChangeOutcome.Saved)
        {
            TempData["Success"] = "The note was added.";
            return Redirect($"/cases/{id}#timeline");
        }

        return await ShowAgainAsync(id, outcome, view, model => model.Note = input, cancellationToken);
    }

    [HttpPost("{id:guid}/start")]
    public async Task<IActionResult> StartWork(Guid id, [FromForm] uint version, [FromServices] ChangeCaseStatusHandler handler,
        [FromServices] ViewCaseFileHandler view, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(version));
        var outcome = await handler.StartWorkAsync(id, version, User, ModelState, cancellationToken);
        if (outcome == CaseChangeOutcome.Saved)
        {
            TempData["Success"] = "The case is in progress.";
            return Redirect($"/cases/{id}");
        }

        return await ShowAgainAsync(id, outcome, view, _ => { }, cancellationToken);
    }

    [HttpGet("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, [FromServices] ChangeCaseStatusHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadReopenAsync(id, User, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, ReopenCaseInput input, [FromServices] ChangeCaseStatusHandler handler, CancellationToken cancellationToken) =>
        Done(id, await handler.ReopenAsync(id, input, User, ModelState, cancellationToken), input, "The case was reopened.");

    [HttpGet("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, [FromServices] CloseCaseHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, User, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, CloseCaseInput input, [FromServices] CloseCaseHandler handler, CancellationToken cancellationToken) =>
        Done(id, await handler.HandleAsync(id, input, User, ModelState, cancellationToken), input, "The case was closed.");

    [HttpGet("{id:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, [FromServices] AssignCaseHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.LoadAsync(id, User, cancellationToken);
        return result switch
        {
            CaseGateResult.Allowed => View(input),
            CaseGateResult.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    [HttpPost("{id:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, AssignCaseInput input, [FromServices] AssignCaseHandler handler, CancellationToken cancellationToken) =>
        Done(id, await handler.HandleAsync(id, input, User, ModelState, cancellationToken), input, "The assignment was saved.");

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditCaseHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, User, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, EditCaseInput input, [FromServices] EditCaseHandler handler, CancellationToken cancellationToken) =>
        Done(id, await handler.HandleAsync(id, input, User, ModelState, cancellationToken), input, "The case was saved.");

    [HttpGet("{id:guid}/clients/add")]
    public async Task<IActionResult> AddClient(Guid id, [FromQuery] string? name, [FromServices] AddCaseClientHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await handler.LoadAsync(id, name, User, cancellationToken) is { } input ? View(input) : NotFound();
    }

    [HttpPost("{id:guid}/clients")]
    public async Task<IActionResult> AddClient(Guid id, AddCaseClientInput input, [FromServices] AddCaseClientHandler handler, CancellationToken cancellationToken) =>
        Done(id, await handler.HandleAsync(id, input, User, ModelState, cancellationToken), input, "The client was added to the case.", nameof(AddClient));

    /// <summary>A form's answer: back to the case when saved, the form again (values kept) when refused.</summary>
    private IActionResult Done(Guid id, CaseChangeOutcome outcome, CaseFormInput input, string success, string? view = null)
    {
        switch (outcome)
        {
            case CaseChangeOutcome.NotFound:
                return NotFound();
            case CaseChangeOutcome.Forbidden:
                return Forbid();
            case CaseChangeOutcome.Invalid:
            case CaseChangeOutcome.Conflict:
                return View(view, input);
            case CaseChangeOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/cases/{id}");
            default:
                TempData["Success"] = success;
                return Redirect($"/cases/{id}");
        }
    }

    private async Task<IActionResult> ShowAgainAsync(Guid id, CaseChangeOutcome outcome, ViewCaseFileHandler view, Action<CaseFileModel> keep, CancellationToken cancellationToken)
    {
        if (outcome == CaseChangeOutcome.NotFound)
        {
            return NotFound();
        }

        if (outcome == CaseChangeOutcome.Forbidden)
        {
            return Forbid();
        }

        var model = await view.HandleAsync(id, null, User, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        keep(model);
        return View(nameof(Show), model);
    }
}
