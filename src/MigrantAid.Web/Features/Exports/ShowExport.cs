using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Web.Features.Exports;

/// <summary>One export with its progress, for its page and for the JSON status the page polls.</summary>
public sealed class ShowExportHandler(AppDbContext db)
{
    public async Task<ExportView?> HandleAsync(Guid id, Guid viewerId, CancellationToken cancellationToken)
    {
        var row = await ExportView.WithRequester(db, db.Set<OrganisationExport>().AsNoTracking().Where(e => e.Id == id))
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : ExportView.From(row, await ExportView.ViewerZoneAsync(db, viewerId, cancellationToken));
    }
}
