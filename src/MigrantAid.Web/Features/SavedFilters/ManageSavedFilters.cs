using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Lists;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.SavedFilters;

/// <summary>The save form under the case list and the desk, and the rename form.</summary>
public sealed class SavedFilterInput
{
    /// <summary>"cases" or "desk".</summary>
    public string? List { get; set; }

    [Display(Name = "Name of the filter")]
    public string? Name { get; set; }

    /// <summary>The list's query string at the moment of saving.</summary>
    public string? Query { get; set; }
}

/// <summary>The outcome of a save, rename or delete; <see cref="Problems"/> holds the field errors of an invalid one.</summary>
public sealed record SavedFilterOutcome(bool Found, IReadOnlyList<SavedFilterProblem> Problems, SavedFilterLink? Filter)
{
    public bool Saved => Found && Problems.Count == 0;

    public static SavedFilterOutcome NotFound { get; } = new(false, [], null);
}

/// <summary>Saves, renames and deletes the viewer's own saved filters; another user's filter is not found (404).</summary>
public sealed class ManageSavedFiltersHandler(AppDbContext db, TimeProvider clock)
{
    public Task<IReadOnlyList<SavedFilterLink>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default) =>
        SavedFilterStore.LinksAsync(db, viewer.UserId, null, cancellationToken);

    public async Task<SavedFilterLink?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SavedFilterStore.Of(db, viewer.UserId).AsNoTracking().Where(f => f.Id == id)
            .Select(f => new SavedFilterLink(f.Id, f.List, f.Name, "/" + f.List + (f.Query == "" ? "" : "?" + f.Query)))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SavedFilterOutcome> SaveAsync(SavedFilterInput input, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!SavedFilterStore.IsList(input.List))
        {
            return SavedFilterOutcome.NotFound;
        }

        var list = input.List!;
        var query = SavedFilterStore.Normalize(input.Query);
        var problems = await SavedFilterStore.CheckAsync(db, viewer.UserId, list, input.Name, query, null, cancellationToken);
        if (problems.Count > 0)
        {
            return new SavedFilterOutcome(true, problems, null);
        }

        var filter = new SavedFilter(viewer.UserId, list, input.Name!, query, clock.GetUtcNow());
        db.Add(filter);
        return await SaveChangesAsync(filter, cancellationToken);
    }

    public async Task<SavedFilterOutcome> RenameAsync(Guid id, string? name, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var filter = await SavedFilterStore.Of(db, viewer.UserId).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (filter is null)
        {
            return SavedFilterOutcome.NotFound;
        }

        var problems = await SavedFilterStore.CheckAsync(db, viewer.UserId, filter.List, name, null, id, cancellationToken);
        if (problems.Count > 0)
        {
            return new SavedFilterOutcome(true, problems, Link(filter));
        }

        filter.Rename(name!);
        return await SaveChangesAsync(filter, cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SavedFilterStore.Of(db, viewer.UserId).Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<SavedFilterOutcome> SaveChangesAsync(SavedFilter filter, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new SavedFilterOutcome(true, [], Link(filter));
        }
        catch (DbUpdateException e) when (SavedFilterStore.IsNameTaken(e))
        {
            return new SavedFilterOutcome(true, [SavedFilterProblem.NameTaken], Link(filter));
        }
    }

    private static SavedFilterLink Link(SavedFilter f) => new(f.Id, f.List, f.Name, f.Url);
}

/// <summary>The saved filters of one list, as links above it, with the form that saves the current filter.</summary>
public sealed record SavedFiltersBar(string List, string Query, IReadOnlyList<SavedFilterLink> Filters);

/// <summary>Shows a list's saved filters (invoked from the case list and the desk: "SavedFilters").</summary>
public sealed class SavedFiltersViewComponent(AppDbContext db) : Microsoft.AspNetCore.Mvc.ViewComponent
{
    public async Task<Microsoft.AspNetCore.Mvc.IViewComponentResult> InvokeAsync(string list, string query)
    {
        var filters = await SavedFilterStore.LinksAsync(db, UserClaimsPrincipal.Id(), list, HttpContext.RequestAborted);
        return View("/Features/SavedFilters/_SavedFilters.cshtml", new SavedFiltersBar(list, SavedFilterStore.Normalize(query), filters));
    }
}
