using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Exports;

public sealed record StartExportResult(Guid ExportId, bool AlreadyActive);

/// <summary>
/// Queues an export (audited) and wakes this instance's worker. While one is queued or running, that
/// one is returned instead of a second: an export reads the whole database.
/// </summary>
public sealed class StartExportHandler(AppDbContext db, IAuditLog audit, OrganisationExportWorker worker, TimeProvider clock)
{
    public async Task<StartExportResult> HandleAsync(Guid adminId, CancellationToken cancellationToken)
    {
        var active = await db.Set<OrganisationExport>().AsNoTracking()
            .Where(e => e.Status == OrganisationExportStatus.Queued || e.Status == OrganisationExportStatus.Running)
            .OrderByDescending(e => e.RequestedAt)
            .Select(e => (Guid?)e.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (active is { } activeId)
        {
            return new StartExportResult(activeId, AlreadyActive: true);
        }

        var export = new OrganisationExport(adminId, clock.GetUtcNow());
        db.Add(export);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(OrganisationExportAuditActions.Started, "organisation-export", export.Id.ToString(), new
        {
            files = ExportCatalogue.Files.Count,
        }, cancellationToken: cancellationToken);
        worker.Wake();
        return new StartExportResult(export.Id, AlreadyActive: false);
    }
}
