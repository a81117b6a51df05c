using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Categories;

/// <summary>The complaint taxonomy: administrators add categories, rename them in both languages, retire and restore them.</summary>
[Authorize(Policy = Policies.Admin)]
[Route("categories")]
public sealed class CategoriesController : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index([FromServices] ListCategoriesHandler handler, CancellationToken cancellationToken) =>
        View(await handler.HandleAsync(cancellationToken));

    [HttpGet("create")]
    public async Task<IActionResult> Create([FromServices] CreateCategoryHandler handler, CancellationToken cancellationToken) =>
        View(await handler.NewAsync(cancellationToken));

    [HttpPost("create")]
    public Task<IActionResult> Create(CreateCategoryInput input, [FromServices] CreateCategoryHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.HandleAsync(input, errors, cancellationToken), List(), "The category was added.");

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        await handler.LoadAsync(id, cancellationToken) is { } input ? View(input) : NotFound();

    [HttpPost("{id:int}/edit")]
    public Task<IActionResult> Edit(int id, EditCategoryInput input, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        this.SubmitAsync(input, errors => handler.RenameAsync(id, input, errors, cancellationToken), List(), "The category was saved.");

    [HttpPost("{id:int}/deactivate")]
    public Task<IActionResult> Deactivate(int id, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        SetActive(id, active: false, handler, cancellationToken);

    [HttpPost("{id:int}/activate")]
    public Task<IActionResult> Activate(int id, [FromServices] EditCategoryHandler handler, CancellationToken cancellationToken) =>
        SetActive(id, active: true, handler, cancellationToken);

    private async Task<IActionResult> SetActive(int id, bool active, EditCategoryHandler handler, CancellationToken cancellationToken)
    {
        var outcome = await handler.SetActiveAsync(id, active, cancellationToken);
        if (outcome.Kind == FormOutcomeKind.NotFound)
        {
            return NotFound();
        }

        TempData[FormResults.FlashKey] = !outcome.IsSaved ? FormResults.NothingChanged
            : active ? "The category is offered again for new intakes."
            : "The category is retired: it is no longer offered for new intakes, and cases that have it keep it.";
        return RedirectToAction(nameof(Index));
    }

    private string List() => Url.Action(nameof(Index))!;
}
