using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
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
    /// <summary>The client search form (GET) and the add form (POST) share their action name: links name the route.</summary>
    public const string AddClientRoute = "case-client-search";

    public const string AddClientPostRoute = "case-client-add";

    [ReusePlans]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromQuery] long? before, Viewer viewer, [FromServices] ViewCaseFileHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // Only the page key can fail to bind: show the newest entries.
            before = null;
            ModelState.Clear();
        }

        var model = await handler.HandleAsync(id, before, viewer, cancellationToken);
        return model is null ? NotFound() : View(model);
    }

    [HttpPost("{id:guid}/notes")]
    public async Task<IActionResult> AddNote(Guid id, [Bind(Prefix = AddCaseNoteHandler.Prefix)] AddNoteInput input, Viewer viewer,
        [FromServices] AddCaseNoteHandler handler, [FromServices] ViewCaseFileHandler view, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => ShowAgainAsync(id, viewer, view, model => model.Note = input, cancellationToken),
            Url.CasePage(id, "timeline"), "The note was added.");
    }

    [HttpPost("{id:guid}/start")]
    public async Task<IActionResult> StartWork(Guid id, [FromForm] uint version, Viewer viewer, [FromServices] ChangeCaseStatusHandler handler,
        [FromServices] ViewCaseFileHandler view, CancellationToken cancellationToken)
    {
        ModelState.Remove(nameof(version));
        var errors = this.FormErrors();
        var outcome = await handler.StartWorkAsync(id, version, viewer, errors, cancellationToken);
        return await this.FormResultAsync(outcome, errors, () => ShowAgainAsync(id, viewer, view, _ => { }, cancellationToken), Url.CasePage(id), "The case is in progress.");
    }

    [HttpGet("{id:guid}/reopen")]
    public async Task<IActionResult> Reopen(Guid id, Viewer viewer, [FromServices] ChangeCaseStatusHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadReopenAsync(id, viewer, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/reopen")]
    public Task<IActionResult> Reopen(Guid id, ReopenCaseInput input, Viewer viewer, [FromServices] ChangeCaseStatusHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.ReopenAsync(id, input, viewer, errors, cancellationToken), Url.CasePage(id), "The case was reopened.");

    [HttpGet("{id:guid}/close")]
    public async Task<IActionResult> Close(Guid id, Viewer viewer, [FromServices] CloseCaseHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, viewer, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/close")]
    public Task<IActionResult> Close(Guid id, CloseCaseInput input, Viewer viewer, [FromServices] CloseCaseHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(id, input, viewer, errors, cancellationToken), Url.CasePage(id), "The case was closed.");

    [HttpGet("{id:guid}/assign")]
    public async Task<IActionResult> Assign(Guid id, Viewer viewer, [FromServices] AssignCaseHandler handler, CancellationToken cancellationToken)
    {
        var (input, result) = await handler.LoadAsync(id, viewer, cancellationToken);
        return result switch
        {
            CaseGateResult.Allowed => View(input),
            CaseGateResult.Forbidden => Forbid(),
            _ => NotFound(),
        };
    }

    [HttpPost("{id:guid}/assign")]
    public Task<IActionResult> Assign(Guid id, AssignCaseInput input, Viewer viewer, [FromServices] AssignCaseHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(id, input, viewer, errors, cancellationToken), Url.CasePage(id), "The assignment was saved.");

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Viewer viewer, [FromServices] EditCaseHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, viewer, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:guid}/edit")]
    public Task<IActionResult> Edit(Guid id, EditCaseInput input, Viewer viewer, [FromServices] EditCaseHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(id, input, viewer, errors, cancellationToken), Url.CasePage(id), "The case was saved.");

    [HttpGet("{id:guid}/clients/add", Name = AddClientRoute)]
    public async Task<IActionResult> AddClient(Guid id, [FromQuery] string? name, Viewer viewer, [FromServices] AddCaseClientHandler handler, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        return await handler.LoadAsync(id, name, viewer, cancellationToken) is { } input ? View(input) : NotFound();
    }

    [HttpPost("{id:guid}/clients", Name = AddClientPostRoute)]
    public Task<IActionResult> AddClient(Guid id, AddCaseClientInput input, Viewer viewer, [FromServices] AddCaseClientHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(id, input, viewer, errors, cancellationToken),
            Url.CasePage(id), "The client was added to the case.", nameof(AddClient));

    /// <summary>The case page again, for a form on it that was refused (with what was typed, through <paramref name="keep"/>).</summary>
    private async Task<IActionResult> ShowAgainAsync(Guid id, Viewer viewer, ViewCaseFileHandler view, Action<CaseFileModel> keep, CancellationToken cancellationToken)
    {
        var model = await view.HandleAsync(id, null, viewer, cancellationToken);
        if (model is null)
        {
            return NotFound();
        }

        keep(model);
        return View(nameof(Show), model);
    }
}
