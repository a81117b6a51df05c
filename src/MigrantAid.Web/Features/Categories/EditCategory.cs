using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Configurations;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;
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

/// <summary>
/// Renames a category in both languages, and retires or restores it, under optimistic concurrency
/// (PostgreSQL's xmin): an administrator never silently overwrites another's save. Audited with old and new values.
/// </summary>
public sealed class EditCategoryHandler(AppDbContext db, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<EditCategoryInput?> LoadAsync(int id, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(id, cancellationToken);
        return current is null ? null : Fill(new EditCategoryInput { NameEn = current.NameEn, NameRu = current.NameRu, Version = current.Version }, id, current);
    }

    /// <summary>Renames the category; the posted form gets its read-only values (code, group, state) back.</summary>
    public async Task<FormOutcome> RenameAsync(int id, EditCategoryInput input, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(id, cancellationToken);
        if (current is null)
        {
            return FormOutcome.NotFound;
        }

        Fill(input, id, current);
        if (errors.Has(nameof(input.Version)))
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            errors.AddToForm(l["This form is out of date. Open the category again from the list."]);
        }

        return errors.IsValid ? await SaveNamesAsync(id, input, cancellationToken) : FormOutcome.Invalid;
    }

    private async Task<FormOutcome> SaveNamesAsync(int id, EditCategoryInput input, CancellationToken cancellationToken)
    {
        var category = await db.ComplaintCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return FormOutcome.NotFound;
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
            return FormOutcome.Unchanged;
        }

        VersionedSave.Expect(db, category, input.Version, CaseListIndexesConfiguration.CategoryVersion);
        category.Rename(input.NameEn, input.NameRu);
        if (await SaveAsync(id, changes, cancellationToken))
        {
            return FormOutcome.Saved();
        }

        // The form now carries the stored version: saving again is a deliberate choice to replace those names.
        var current = await CurrentAsync(id, cancellationToken);
        if (current is null)
        {
            return FormOutcome.NotFound;
        }

        input.Version = current.Version;
        input.Current = current;
        return FormOutcome.Conflict(l["Someone else saved this category while you were editing it. Their names are shown under each field and nothing was overwritten. Your entries are kept: save again to replace their names with yours."],
            nameof(input.Version));
    }

    /// <summary>Retires or restores the category: Saved, Unchanged (already so, or someone else saved in between), or NotFound.</summary>
    public async Task<FormOutcome> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        var category = await db.ComplaintCategories.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
        {
            return FormOutcome.NotFound;
        }

        if (category.IsActive == active)
        {
            return FormOutcome.Unchanged;
        }

        var changes = new List<(string, object?, object?)> { (nameof(ComplaintCategory.IsActive), category.IsActive, active) };
        category.SetActive(active);
        if (await SaveAsync(id, changes, cancellationToken))
        {
            return FormOutcome.Saved();
        }

        return await CurrentAsync(id, cancellationToken) is null ? FormOutcome.NotFound : FormOutcome.Unchanged;
    }

    private Task<bool> SaveAsync(int id, List<(string, object?, object?)> changes, CancellationToken cancellationToken) =>
        VersionedSave.SaveAsync(db, () => audit.RecordAsync(CategoryAuditActions.Updated, "category",
            id.ToString(System.Globalization.CultureInfo.InvariantCulture), CategoryCodes.Changes([.. changes]), cancellationToken: cancellationToken), cancellationToken);

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
