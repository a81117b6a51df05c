using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.SavedFilters;

/// <summary>Named saved filters of the case list and the desk: save, list, rename and delete one's own.</summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("saved-filters")]
public sealed class SavedFiltersController(ManageSavedFiltersHandler handler) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(Viewer viewer, CancellationToken cancellationToken) =>
        View(await handler.ListAsync(viewer, cancellationToken: cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(SavedFilterInput input, Viewer viewer, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var errors = this.FormErrors();
        var outcome = await handler.SaveAsync(input, viewer, errors, cancellationToken);
        // Saved: back to the list the filter was saved from, now showing it.
        return this.FormResult(outcome, errors, input, (outcome.Data as SavedFilterLink)?.Url ?? "", "The filter was saved.", "Save");
    }

    [HttpGet("{id:guid}/rename")]
    public async Task<IActionResult> Rename(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        await handler.FindAsync(id, viewer, cancellationToken) is { } filter
            ? View(new RenameSavedFilterModel(filter, filter.Name))
            : NotFound();

    [HttpPost("{id:guid}/rename")]
    public async Task<IActionResult> Rename(Guid id, [FromForm] string? name, Viewer viewer, CancellationToken cancellationToken)
    {
        var errors = this.FormErrors();
        return await this.FormResultAsync(await handler.RenameAsync(id, name, viewer, errors, cancellationToken), errors,
            async () => await handler.FindAsync(id, viewer, cancellationToken) is { } filter ? View(new RenameSavedFilterModel(filter, name)) : NotFound(),
            Url.Action(nameof(Index))!, "The filter was renamed.");
    }

    [HttpGet("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, Viewer viewer, CancellationToken cancellationToken) =>
        await handler.FindAsync(id, viewer, cancellationToken) is { } filter ? View(filter) : NotFound();

    [HttpPost("{id:guid}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        if (!await handler.DeleteAsync(id, viewer, cancellationToken))
        {
            return NotFound();
        }

        TempData[FormResults.FlashKey] = "The filter was deleted.";
        return RedirectToAction(nameof(Index));
    }
}

public sealed record RenameSavedFilterModel(SavedFilterLink Filter, string? Name);
