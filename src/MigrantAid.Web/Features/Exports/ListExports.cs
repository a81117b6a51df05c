using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Web.Features.Exports;

public sealed record ExportListPage(IReadOnlyList<ExportView> Exports, string TimeZoneId, Guid? NextBefore, bool IsFirstPage, int RetentionDays);

/// <summary>Recent exports, newest first, a page at a time (keyset on requested_at, id).</summary>
public sealed class ListExportsHandler(AppDbContext db, Microsoft.Extensions.Options.IOptions<ExportOptions> options)
{
    public const int PageSize = 25;

    public async Task<ExportListPage> HandleAsync(Guid? before, Guid viewerId, CancellationToken cancellationToken)
    {
        var zone = await ExportView.ViewerZoneAsync(db, viewerId, cancellationToken);
        var query = db.Set<OrganisationExport>().AsNoTracking();
        var anchor = before is { } id
            ? await db.Set<OrganisationExport>().AsNoTracking().Where(e => e.Id == id).Select(e => new { e.RequestedAt, e.Id }).FirstOrDefaultAsync(cancellationToken)
            : null;
        if (anchor is not null)
        {
            query = query.Where(e => EF.Functions.LessThan(ValueTuple.Create(e.RequestedAt, e.Id), ValueTuple.Create(anchor.RequestedAt, anchor.Id)));
        }

        var rows = await ExportView.WithRequester(db, query.OrderByDescending(e => e.RequestedAt).ThenByDescending(e => e.Id).TakeFixed(PageSize + 1))
            .ToListAsync(cancellationToken);
        var views = rows.Take(PageSize).Select(r => ExportView.From(r, zone)).ToList();
        return new ExportListPage(views, zone.Id, rows.Count > PageSize ? views[^1].Id : null, anchor is null, options.Value.RetentionDays);
    }
}
