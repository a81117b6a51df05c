using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Shared;

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
