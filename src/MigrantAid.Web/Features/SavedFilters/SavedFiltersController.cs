using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Domain.Lists;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.SavedFilters;

/// <summary>Named saved filters of the case list and the desk: save, list, rename and delete one's own.</summary>
[Authorize(Policy = Policies.CaseStaff)]
[Route("saved-filters")]
public sealed class SavedFiltersController(ManageSavedFiltersHandler handler, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await handler.ListAsync(Viewer.From(User), cancellationToken));

    [HttpPost("")]
    public async Task<IActionResult> Save(SavedFilterInput input, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        var outcome = await handler.SaveAsync(input, Viewer.From(User), cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (!outcome.Saved)
        {
            AddProblems(outcome.Problems);
            return View("Save", input);
        }

        TempData["Success"] = "The filter was saved.";
        return Redirect(outcome.Filter!.Url);
    }

    [HttpGet("{id:guid}/rename")]
    public async Task<IActionResult> Rename(Guid id, CancellationToken cancellationToken) =>
        await handler.FindAsync(id, Viewer.From(User), cancellationToken) is { } filter
            ? View(new RenameSavedFilterModel(filter, filter.Name))
            : NotFound();

    [HttpPost("{id:guid}/rename")]
    public async Task<IActionResult> Rename(Guid id, [FromForm] string? name, CancellationToken cancellationToken)
    {
        var outcome = await handler.RenameAsync(id, name, Viewer.From(User), cancellationToken);
        if (!outcome.Found)
        {
            return NotFound();
        }

        if (!outcome.Saved)
        {
            AddProblems(outcome.Problems);
            return View(new RenameSavedFilterModel(outcome.Filter!, name));
        }

        TempData["Success"] = "The filter was renamed.";
        return Redirect("/saved-filters");
    }

    [HttpGet("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id, CancellationToken cancellationToken) =>
        await handler.FindAsync(id, Viewer.From(User), cancellationToken) is { } filter ? View(filter) : NotFound();

    [HttpPost("{id:guid}/delete")]
    [ActionName("Delete")]
    public async Task<IActionResult> DeleteConfirmed(Guid id, CancellationToken cancellationToken)
    {
        if (!await handler.DeleteAsync(id, Viewer.From(User), cancellationToken))
        {
            return NotFound();
        }

        TempData["Success"] = "The filter was deleted.";
        return Redirect("/saved-filters");
    }

    private void AddProblems(IEnumerable<SavedFilterProblem> problems)
    {
        foreach (var problem in problems)
        {
            var (field, message) = problem switch
            {
                SavedFilterProblem.NameRequired => ("Name", l["Enter a name for the filter."]),
                SavedFilterProblem.NameTooLong => ("Name", l["The name can be at most {0} characters long.", SavedFilter.MaxNameLength]),
                SavedFilterProblem.NameTaken => ("Name", l["You already have a saved filter with this name on this list."]),
                _ => ("", l["This filter is too long to be saved. Remove some of its values."]),
            };
            ModelState.AddModelError(field, message);
        }
    }
}

public sealed record RenameSavedFilterModel(SavedFilterLink Filter, string? Name);
