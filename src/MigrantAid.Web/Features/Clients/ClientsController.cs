using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Clients;

/// <summary>
/// Clients: the list and search, "find before you create", the client page and its edits. A
/// client the user may not see answers 404, exactly like one that does not exist.
/// </summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("clients")]
public sealed partial class ClientsController(IStringLocalizer<SharedResource> l) : Controller
{
    private Viewer Viewer => Viewer.From(User);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ListClientsQuery query, [FromServices] ListClientsHandler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(query, Viewer, cancellationToken);
        if (page.SearchTooLong)
        {
            ModelState.AddModelError("q", l["The search text is longer than {0} characters: shorten it.", ListClientsQuery.MaxSearchLength]);
        }

        return View(page);
    }

    [HttpGet("new")]
    public IActionResult Register() => View(new RegisterClientModel(new RegisterClientInput(), null, Viewer.OfficeId is not null));

    [HttpPost("new")]
    public async Task<IActionResult> Register(RegisterClientInput input, [FromServices] RegisterClientHandler handler,
        [FromServices] CreateClientHandler create, CancellationToken cancellationToken)
    {
        input.Validate(ModelState, await create.TodayAsync(Viewer, cancellationToken), l);
        if (!ModelState.IsValid)
        {
            return View(new RegisterClientModel(input, null, Viewer.OfficeId is not null));
        }

        return View(new RegisterClientModel(input, await handler.FindAsync(input, Viewer, cancellationToken), Viewer.OfficeId is not null));
    }

    /// <summary>The full form is reached through "find before you create".</summary>
    [HttpGet("create")]
    public IActionResult Create() => Redirect("/clients/new");

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateClientInput input, [FromServices] CreateClientHandler handler, CancellationToken cancellationToken)
    {
        if (input.Prefill)
        {
            // Arrived from the list of possible duplicates with what was typed there: show, do not judge yet.
            ModelState.Clear();
            input.Prefill = false;
            return View(input);
        }

        input.Validate(ModelState, await handler.TodayAsync(Viewer, cancellationToken), l);
        if (Viewer.OfficeId is null)
        {
            ModelState.AddModelError("", l["Your account has no office, so you cannot register clients. Ask an administrator to assign you to an office."]);
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await handler.HandleAsync(input, Viewer, cancellationToken);
        if (result.Outcome == CreateClientOutcome.NoOffice)
        {
            ModelState.AddModelError("", l["Your account has no office, so you cannot register clients. Ask an administrator to assign you to an office."]);
            return View(input);
        }

        TempData["Success"] = "The client was registered.";
        return Redirect($"/clients/{result.ClientId}");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] ViewClientHandler handler, CancellationToken cancellationToken)
    {
        var page = await handler.HandleAsync(id, Viewer, cancellationToken);
        return page is null ? NotFound() : View(page);
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditClientHandler handler, CancellationToken cancellationToken)
    {
        var input = await handler.LoadAsync(id, Viewer, cancellationToken);
        return input is null ? NotFound() : View(input);
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, EditClientInput input, [FromServices] EditClientHandler handler, CancellationToken cancellationToken)
    {
        input.Id = id;
        if (await handler.TodayAsync(id, Viewer, cancellationToken) is not { } today)
        {
            return NotFound();
        }

        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            ModelState.AddModelError("", l["This form is out of date. Open the client again."]);
        }

        input.Validate(ModelState, today, l);
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await handler.HandleAsync(id, input, Viewer, cancellationToken);
        switch (result.Outcome)
        {
            case EditClientOutcome.NotFound:
                return NotFound();
            case EditClientOutcome.Conflict:
                // The form now carries the stored version: saving again is a deliberate choice to replace those values.
                ModelState.Remove(nameof(input.Version));
                input.Version = result.Current!.Version;
                input.Current = result.Current;
                ModelState.AddModelError("", l["Someone else saved this client while you were editing. Their values are shown under each field and nothing was overwritten. Your entries are kept: save again to replace their values with yours."]);
                return View(input);
            case EditClientOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return Redirect($"/clients/{id}");
            default:
                TempData["Success"] = "The client was saved.";
                return Redirect($"/clients/{id}");
        }
    }
}
