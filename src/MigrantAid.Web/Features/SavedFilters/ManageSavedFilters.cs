using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Lists;
using MigrantAid.Web.Features.Shared.Forms;
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

/// <summary>Saves, renames and deletes the viewer's own saved filters; another user's filter is not found (404).</summary>
public sealed class ManageSavedFiltersHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The viewer's saved filters, of one list or (without <paramref name="list"/>) of all.</summary>
    public Task<IReadOnlyList<SavedFilterLink>> ListAsync(Viewer viewer, string? list = null, CancellationToken cancellationToken = default) =>
        SavedFilterStore.LinksAsync(db, viewer.UserId, list, cancellationToken);

    public async Task<SavedFilterLink?> FindAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SavedFilterStore.Of(db, viewer.UserId).AsNoTracking().Where(f => f.Id == id)
            .Select(f => new SavedFilterLink(f.Id, f.List, f.Name, "/" + f.List + (f.Query == "" ? "" : "?" + f.Query)))
            .FirstOrDefaultAsync(cancellationToken);

    /// <returns>Saved with the new filter's <see cref="SavedFilterLink"/> as its data; Invalid; NotFound for an unknown list.</returns>
    public async Task<FormOutcome> SaveAsync(SavedFilterInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (!SavedFilterStore.IsList(input.List))
        {
            return FormOutcome.NotFound;
        }

        var list = input.List!;
        var query = SavedFilterStore.Normalize(input.Query);
        var problems = await SavedFilterStore.CheckAsync(db, viewer.UserId, list, input.Name, query, null, cancellationToken);
        if (problems.Count > 0)
        {
            return Refused(errors, problems);
        }

        var filter = new SavedFilter(viewer.UserId, list, input.Name!, query, clock.GetUtcNow());
        db.Add(filter);
        return await SaveChangesAsync(filter, errors, cancellationToken);
    }

    public async Task<FormOutcome> RenameAsync(Guid id, string? name, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var filter = await SavedFilterStore.Of(db, viewer.UserId).FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
        if (filter is null)
        {
            return FormOutcome.NotFound;
        }

        var problems = await SavedFilterStore.CheckAsync(db, viewer.UserId, filter.List, name, null, id, cancellationToken);
        if (problems.Count > 0)
        {
            return Refused(errors, problems);
        }

        filter.Rename(name!);
        return await SaveChangesAsync(filter, errors, cancellationToken);
    }

    public async Task<bool> DeleteAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default) =>
        await SavedFilterStore.Of(db, viewer.UserId).Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    private async Task<FormOutcome> SaveChangesAsync(SavedFilter filter, FormErrors errors, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return FormOutcome.Saved(filter.Id, new SavedFilterLink(filter.Id, filter.List, filter.Name, filter.Url));
        }
        catch (DbUpdateException e) when (SavedFilterStore.IsNameTaken(e))
        {
            return Refused(errors, [SavedFilterProblem.NameTaken]);
        }
    }

    private FormOutcome Refused(FormErrors errors, IEnumerable<SavedFilterProblem> problems)
    {
        foreach (var problem in problems)
        {
            var (field, message) = problem switch
            {
                SavedFilterProblem.NameRequired => (nameof(SavedFilterInput.Name), l["Enter a name for the filter."]),
                SavedFilterProblem.NameTooLong => (nameof(SavedFilterInput.Name), l["The name can be at most {0} characters long.", SavedFilter.MaxNameLength]),
                SavedFilterProblem.NameTaken => (nameof(SavedFilterInput.Name), l["You already have a saved filter with this name on this list."]),
                _ => ("", l["This filter is too long to be saved. Remove some of its values."]),
            };
            errors.Add(field, message);
        }

        return FormOutcome.Invalid;
    }
}
