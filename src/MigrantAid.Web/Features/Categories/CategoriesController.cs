using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Categories;

/// <summary>The complaint taxonomy: administrators add categories, rename them in both languages, retire and restore them.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("categories")]
public sealed class CategoriesController(IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCategoriesHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("create")]
    public async Task<IActionResult> Create([FromServices] CreateCategoryHandler handler, CancellationToken cancellationToken) =>
        View(await handler.NewAsync(cancellationToken));

    [HttpPost("create")]
    public async Task<IActionResult> Create(CreateCategoryInput input, [FromServices] CreateCategoryHandler handler, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            switch (await handler.HandleAsync(input, cancellationToken))
            {
                case CreateCategoryOutcome.Created:
                    TempData["Success"] = "The category was added.";
                    return RedirectToAction(nameof(Index));
                case CreateCategoryOutcome.UnknownGroup:
                    ModelState.AddModelError(nameof(input.Group), l["Choose a group from the list."]);
                    break;
                default:
                    ModelState.AddModelError(nameof(input.Code), l["A category with this code already exists."]);
                    break;
            }
        }

        await handler.OfferGroupsAsync(input, cancellationToken);
        return View(input);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, EditCategoryInput input, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken)
    {
        if (await handler.RefillAsync(id, input, cancellationToken) is null)
        {
            return NotFound();
        }

        if (ModelState.TryGetValue(nameof(input.Version), out var version) && version.Errors.Count > 0)
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            ModelState.AddModelError("", l["This form is out of date. Open the category again from the list."]);
        }

        if (!ModelState.IsValid)
        {
            return View(input);
        }

        var result = await handler.RenameAsync(id, input, cancellationToken);
        switch (result.Outcome)
        {
            case CategorySaveOutcome.NotFound:
                return NotFound();
            case CategorySaveOutcome.Conflict:
                // The form now carries the stored version: saving again is a deliberate choice to replace those names.
                ModelState.Remove(nameof(input.Version));
                input.Version = result.Current!.Version;
                input.Current = result.Current;
                ModelState.AddModelError("", l["Someone else saved this category while you were editing it. Their names are shown under each field and nothing was overwritten. Your entries are kept: save again to replace their names with yours."]);
                return View(input);
            case CategorySaveOutcome.Unchanged:
                TempData["Success"] = "Nothing was changed.";
                return RedirectToAction(nameof(Index));
            default:
                TempData["Success"] = "The category was saved.";
                return RedirectToAction(nameof(Index));
        }
    }

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        SetActive(id, active: false, handler, cancellationToken);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        SetActive(id, active: true, handler, cancellationToken);

    private async Task<IActionResult> SetActive(int id, bool active, EditCategoryHandler handler, CancellationToken cancellationToken)
    {
        var result = await handler.SetActiveAsync(id, active, cancellationToken);
        if (result.Outcome == CategorySaveOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Outcome == CategorySaveOutcome.Saved)
        {
            if (active)
            {
                TempData["Success"] = "The category is offered again for new intakes.";
            }
            else
            {
                TempData["Success"] = "The category is retired: it is no longer offered for new intakes, and cases that have it keep it.";
            }
        }
        else
        {
            TempData["Success"] = "Nothing was changed.";
        }

        return RedirectToAction(nameof(Index));
    }
}
