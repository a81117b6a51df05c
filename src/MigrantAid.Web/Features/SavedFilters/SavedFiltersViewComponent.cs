using Microsoft.AspNetCore.Mvc;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.SavedFilters;

/// <summary>The saved filters of one list, as links above it, with the form that saves the current filter.</summary>
public sealed record SavedFiltersBar(string List, string Query, IReadOnlyList<SavedFilterLink> Filters);

/// <summary>Shows a list's saved filters (invoked from the case list and the desk: "SavedFilters").</summary>
public sealed class SavedFiltersViewComponent(ManageSavedFiltersHandler handler) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string list, string query)
    {
        var filters = await handler.ListAsync(Viewer.From(UserClaimsPrincipal), list, HttpContext.RequestAborted);
        return View("/Features/SavedFilters/_SavedFilters.cshtml", new SavedFiltersBar(list, SavedFilterStore.Normalize(query), filters));
    }
}
