using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Features.Offices;

public sealed record OfficeRow(Guid Id, string Name, string City, string CountryCode, string TimeZoneId, int UserCount, string Code = "");

/// <summary>One page of offices by name; <see cref="NextAfter"/> is the key of the next page, if any.</summary>
public sealed record OfficeListPage(IReadOnlyList<OfficeRow> Offices, string? After, string? NextAfter);

/// <summary>Offices ordered by name, paged by keyset on the unique name index.</summary>
public sealed class ListOfficesHandler(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<OfficeListPage> HandleAsync(string? after, CancellationToken cancellationToken = default)
    {
        var offices = db.Offices.AsNoTracking();
        if (!string.IsNullOrEmpty(after))
        {
            // Compared by the database's collation, the same order as ORDER BY name.
            offices = offices.Where(o => string.Compare(o.Name, after) > 0);
        }

        var rows = await offices
            .OrderBy(o => o.Name)
            .TakeFixed(PageSize + 1)
            .Select(o => new OfficeRow(o.Id, o.Name, o.City, o.CountryCode, o.TimeZoneId, db.Users.Count(u => u.OfficeId == o.Id), o.Code))
            .ToListAsync(cancellationToken);

        var hasMore = rows.Count > PageSize;
        if (hasMore)
        {
            rows.RemoveAt(PageSize);
        }

        return new OfficeListPage(rows, after, hasMore ? rows[^1].Name : null);
    }
}
