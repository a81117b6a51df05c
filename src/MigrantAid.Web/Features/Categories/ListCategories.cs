using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Categories;

public sealed record CategoryRow(int Id, string GroupCode, string Code, string NameEn, string NameRu, bool IsActive);

/// <summary>
/// The complaint taxonomy, in its order. A reference list of a few dozen rows that administrators
/// read as a whole, so it is shown on one page.
/// </summary>
public sealed class ListCategoriesHandler(AppDbContext db)
{
    public async Task<IReadOnlyList<CategoryRow>> HandleAsync(CancellationToken cancellationToken = default) =>
        await db.ComplaintCategories.AsNoTracking()
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Id)
            .Select(c => new CategoryRow(c.Id, c.GroupCode, c.Code, c.NameEn, c.NameRu, c.IsActive))
            .ToListAsync(cancellationToken);
}
