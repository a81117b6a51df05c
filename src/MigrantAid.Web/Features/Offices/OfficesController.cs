using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Offices;

[Authorize(Policy = Policies.Admin)]
[Route("offices")]
public sealed class OfficesController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? after, [FromServices] ListOfficesHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(after, cancellationToken));

    [HttpGet("create")]
    public IActionResult Create() => View(new CreateOfficeInput());

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateOfficeInput input, [FromServices] CreateOfficeHandler handler, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View(input);
        }

        switch (await handler.HandleAsync(input, cancellationToken))
        {
            case OfficeSaveOutcome.DuplicateName:
                ModelState.AddModelError(nameof(input.Name), l["An office with this name already exists."]);
                return View(input);
            case OfficeSaveOutcome.DuplicateCode:
                ModelState.AddModelError(nameof(input.Code), l["Another office already has this code."]);
                return View(input);
        }

        TempData["Success"] = "The office was created.";
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] EditOfficeHandler handler, CancellationToken cancellationToken)
    {
        var input = await handler.LoadAsync(id, cancellationToken);
        return input is null ? NotFound() : View(input);
    }

    [HttpPost("{id:guid}/edit")]
    public async Task<IActionResult> Edit(Guid id, EditOfficeInput input, [FromServices] EditOfficeHandler handler, CancellationToken cancellationToken)
    {
        input.Id = id;
        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            ModelState.AddModelError("", l["This form is out of date. Open the office again from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await handler.HandleAsync(id, input, cancellationToken);
        switch (result.Outcome)
        {
            case OfficeSaveOutcome.NotFound:
                return NotFound();
            case OfficeSaveOutcome.DuplicateName:
                ModelState.AddModelError(nameof(input.Name), l["An office with this name already exists."]);
                return View(input);
            case OfficeSaveOutcome.DuplicateCode:
                ModelState.AddModelError(nameof(input.Code), l["Another office already has this code."]);
                return View(input);
            case OfficeSaveOutcome.CodeRemoved:
                ModelState.AddModelError(nameof(input.Code), l["The code cannot be removed, only changed: it starts the office's case references."]);
                return View(input);
            case OfficeSaveOutcome.Conflict:
                // The form now carries the stored version: saving again is a deliberate choice to replace those values.
                ModelState.Remove(nameof(input.Version));
                input.Version = result.Current!.Version;
                input.Current = result.Current;
                ModelState.AddModelError("", l["Someone else saved this office while you were editing it. Their values are shown under each field and nothing was overwritten. Your entries are kept: save again to replace their values with yours."]);
                return View(input);
            case OfficeSaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return RedirectToAction(nameof(Index));
            default:
                TempData["Success"] = "The office was saved.";
                return RedirectToAction(nameof(Index));
        }
    }
}
