using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Web.Features.Categories;

/// <summary>A category's names, typed by an administrator in both languages.</summary>
public abstract class CategoryNames
{
    public const int NameMaxLength = 200;

    [Required(ErrorMessage = "Enter the English name.")]
    [StringLength(NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "English name")]
    public string NameEn { get; set; } = "";

    [Required(ErrorMessage = "Enter the Russian name.")]
    [StringLength(NameMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Russian name")]
    public string NameRu { get; set; } = "";
}

/// <summary>
/// The groups of the taxonomy (domain.md). Shown with the resource key "CategoryGroup." + code;
/// a new category joins one of the groups already in the table.
/// </summary>
public static class CategoryGroups
{
    public static readonly IReadOnlyList<string> Known = ["labour", "detention", "documents", "children", "health", "violence", "trafficking"];

    public static string ResourceKey(string code) => "CategoryGroup." + code;

    /// <summary>The groups in the table, in the order of their first category.</summary>
    public static async Task<IReadOnlyList<string>> InUseAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.ComplaintCategories.AsNoTracking()
            .GroupBy(c => c.GroupCode)
            .Select(g => new { Code = g.Key, First = g.Min(c => c.SortOrder) })
            .OrderBy(g => g.First).ThenBy(g => g.Code)
            .Select(g => g.Code)
            .ToListAsync(cancellationToken);
}

internal static class CategoryCodes
{
    private const string UniqueCodeIndex = "ix_complaint_categories_code";

    /// <summary>Two administrators can pass the "code is free" check together; the unique index refuses the second insert.</summary>
    public static bool IsDuplicateCode(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: UniqueCodeIndex };

    /// <summary>Audit details: one entry per field with its old and new value (old is null for a new category).</summary>
    public static object Changes(params (string Field, object? Old, object? New)[] changes) =>
        new { changes = changes.Select(c => new { field = c.Field, old = c.Old, @new = c.New }).ToList() };
}
