using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Clients;

/// <summary>
/// Clients: the list and search, "find before you create", the client page and its edits. A
/// client the user may not see answers 404, exactly like one that does not exist.
/// </summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("clients")]
public sealed class ClientsController(IStringLocalizer<SharedResource> l) : Controller
{
    [ReusePlans]
    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListClientsQuery query, Viewer viewer, [FromServices] ListClientsHandler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(query, viewer, cancellationToken);
        if (page.SearchTooLong)
        {
            ModelState.AddModelError("q", l["The search text is longer than {0} characters: shorten it.", ListClientsQuery.MaxSearchLength]);
        }

        return View(page);
    }

    [HttpGet("new")]
    public IActionResult Register(Viewer viewer) => View(new RegisterClientModel(new RegisterClientInput(), null, viewer.OfficeId is not null));

    [HttpPost("new")]
    public async Task<IActionResult> Register(RegisterClientInput input, Viewer viewer, [FromServices] RegisterClientHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var candidates = await handler.FindAsync(input, viewer, errors, cancellationToken);
        FormResults.CopyTo(ModelState, FormOutcome.Invalid, errors);
        return View(new RegisterClientModel(input, candidates, viewer.OfficeId is not null));
    }

    /// <summary>The full form is reached through "find before you create".</summary>
    [HttpGet("create")]
    public IActionResult Create() => RedirectToAction(nameof(Register));

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateClientInput input, Viewer viewer, [FromServices] CreateClientHandler handler, CancellationToken cancellationToken)
    {
        if (input.Prefill)
        {
            // Arrived from the list of possible duplicates with what was typed there: show, do not judge yet.
            ModelState.Clear();
            input.Prefill = false;
            return View(input);
        }

        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(input, viewer, errors, cancellationToken);
        return this.FormResult(outcome, errors, input, ShowUrl(outcome.Id), "The client was registered.");
    }

    [ReusePlans]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, Viewer viewer, [FromServices] ViewClientHandler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(id, viewer, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, Viewer viewer, [FromServices] EditClientHandler handler, CancellationToken cancellationToken)
    {
        var input = await handler.LoadAsync(id, viewer, cancellationToken);
        return input is null ? NotFound() : View(input);
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, EditClientInput input, Viewer viewer, [FromServices] EditClientHandler handler, CancellationToken cancellationToken)
    {
        input.Id = id;
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        return this.FormResult(outcome, errors, input, ShowUrl(id), "The client was saved.");
    }

    /// <summary>The client page's address, where a saved form goes (empty while there is no client yet).</summary>
    [HttpGet("{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id, Viewer viewer, [FromServices] EraseClientHandler handler, CancellationToken cancellationToken) =>
        await handler.PageAsync(id, viewer, null, cancellationToken) is { } page ? View(page) : NotFound();

    [HttpPost("{id:guid}/erase")]
    public async Task<IActionResult> Erase(Guid id, EraseClientInput input, Viewer viewer, [FromServices] EraseClientHandler handler, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        var outcome = await handler.HandleAsync(id, input, viewer, errors, cancellationToken);
        var saved = outcome.Data is ErasureResult.Waiting
            ? "The request to be forgotten was recorded. It is carried out when the client's open cases are closed."
            : "The client was anonymised everywhere.";
        return await this.FormResultAsync(outcome, errors,
            async () => await handler.PageAsync(id, viewer, input, cancellationToken) is { } page ? View(page) : NotFound(),
            ShowUrl(id), saved);
    }

    private string ShowUrl(Guid? id) => id is null ? "" : Url.Action(nameof(Show), "Clients", new { id }) ?? "";
}
