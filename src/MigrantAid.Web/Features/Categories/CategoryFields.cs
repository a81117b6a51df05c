using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
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
