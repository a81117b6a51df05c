using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Features.Shared.Exports;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Exports;

public sealed record ExportDownload(string Path, string FileName);

/// <summary>
/// A completed export's zip, audited with each download. Null when it is not (or no longer) there, and, for an
/// export started under an approval (issue 15, point 6), for anyone but its requester or after the approval's 24 hours.
/// </summary>
public sealed class DownloadExportHandler(AppDbContext db, IAuditLog audit, ExportFiles files, ExportApprovalsHandler approvals, TimeProvider clock)
{
    public async Task<ExportDownload?> HandleAsync(Guid id, Guid viewerId, CancellationToken cancellationToken)
    {
        var export = await db.Set<OrganisationExport>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id && e.Status == OrganisationExportStatus.Completed, cancellationToken);
        var path = files.PathOf(id);
        if (export is null || !File.Exists(path))
        {
            return null;
        }

        var approval = await db.Set<ExportApproval>().AsNoTracking().FirstOrDefaultAsync(a => a.ExportId == id, cancellationToken);
        if (approval is not null && (approval.RequestedBy != viewerId || !approval.IsDownloadable(clock.GetUtcNow())))
        {
            return null;
        }

        await audit.RecordAsync(OrganisationExportAuditActions.Downloaded, "organisation-export", id.ToString(), new
        {
            size = export.SizeBytes,
            rows = export.RowsWritten,
            approval = approval?.Id,
        }, cancellationToken: cancellationToken);
        if (approval is not null)
        {
            await approvals.RecordUseAsync(approval, export.RowsWritten, cancellationToken);
        }

        return new ExportDownload(path, export.DownloadName);
    }
}
