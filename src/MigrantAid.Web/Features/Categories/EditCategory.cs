using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Configurations;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Categories;

public sealed class EditCategoryInput : CategoryNames
{
    [BindNever]
    public int Id { get; set; }

    [BindNever]
    public string Code { get; set; } = "";

    [BindNever]
    public string GroupCode { get; set; } = "";

    [BindNever]
    public bool IsActive { get; set; }

    /// <summary>The row version (xmin) the form was read at; a save against a newer row is refused.</summary>
    public uint Version { get; set; }

    /// <summary>Set when someone else saved in between: the names stored now, shown next to the fields.</summary>
    [BindNever]
    public CategoryValues? Current { get; set; }
}

public sealed record CategoryValues(string Code, string GroupCode, string NameEn, string NameRu, bool IsActive, uint Version);

public enum CategorySaveOutcome
{
    Saved,
    Unchanged,
    Conflict,
    NotFound,
}

public sealed record EditCategoryResult(CategorySaveOutcome Outcome, CategoryValues? Current = null);

/// <summary>
/// Renames a category in both languages, and retires or restores it, under optimistic concurrency
/// (PostgreSQL's xmin): an administrator never silently overwrites another's save. Audited with old and new values.
/// </summary>
public sealed class EditCategoryHandler(AppDbContext db, IAuditLog audit)
{
    public async Task<EditCategoryInput?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(id, cancellationToken);
        return current is null ? null : Fill(new EditCategoryInput { NameEn = current.NameEn, NameRu = current.NameRu, Version = current.Version }, id, current);
    }

    /// <summary>Puts the read-only values (code, group, state) back on a posted form.</summary>
    public async Task<EditCategoryInput?> RefillAsync(int id, EditCategoryInput input, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(id, cancellationToken);
        return current is null ? null : Fill(input, id, current);
    }

    public async Task<EditCategoryResult> RenameAsync(int id, EditCategoryInput input, CancellationToken cancellationToken = default)
    {
        var category = await db.ComplaintCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return new(CategorySaveOutcome.NotFound);
        }

        var changes = new List<(string, object?, object?)>();
        if (category.NameEn != input.NameEn.Trim())
        {
            changes.Add((nameof(ComplaintCategory.NameEn), category.NameEn, input.NameEn.Trim()));
        }

        if (category.NameRu != input.NameRu.Trim())
        {
            changes.Add((nameof(ComplaintCategory.NameRu), category.NameRu, input.NameRu.Trim()));
        }

        if (changes.Count == 0)
        {
            return new(CategorySaveOutcome.Unchanged);
        }

        VersionedSave.Expect(db, category, input.Version, CaseListIndexesConfiguration.CategoryVersion);
        category.Rename(input.NameEn, input.NameRu);
        return await SaveAsync(id, changes, cancellationToken);
    }

    public async Task<EditCategoryResult> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        var category = await db.ComplaintCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return new(CategorySaveOutcome.NotFound);
        }

        if (category.IsActive == active)
        {
            return new(CategorySaveOutcome.Unchanged);
        }

        var changes = new List<(string, object?, object?)> { (nameof(ComplaintCategory.IsActive), category.IsActive, active) };
        category.SetActive(active);
        return await SaveAsync(id, changes, cancellationToken);
    }

    private async Task<EditCategoryResult> SaveAsync(int id, List<(string, object?, object?)> changes, CancellationToken cancellationToken)
    {
        var saved = await VersionedSave.SaveAsync(db, () => audit.RecordAsync(CategoryAuditActions.Updated, "category",
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), CategoryCodes.Changes([.. changes]), cancellationToken: cancellationToken), cancellationToken);
        if (saved)
        {
            return new(CategorySaveOutcome.Saved);
        }

        var current = await CurrentAsync(id, cancellationToken);
        return current is null ? new(CategorySaveOutcome.NotFound) : new(CategorySaveOutcome.Conflict, current);
    }

    private static EditCategoryInput Fill(EditCategoryInput input, int id, CategoryValues current)
    {
        input.Id = id;
        input.Code = current.Code;
        input.GroupCode = current.GroupCode;
        input.IsActive = current.IsActive;
        return input;
    }

    private Task<CategoryValues?> CurrentAsync(int id, CancellationToken cancellationToken) =>
        db.ComplaintCategories.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new CategoryValues(c.Code, c.GroupCode, c.NameEn, c.NameRu, c.IsActive,
                EF.Property<uint>(c, CaseListIndexesConfiguration.CategoryVersion)))
            .FirstOrDefaultAsync(cancellationToken);
}
