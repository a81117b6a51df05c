using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Exports;

public sealed record ExportDownload(string Path, string FileName);

/// <summary>A completed export's zip, audited with each download. Null when it is not (or no longer) there.</summary>
public sealed class DownloadExportHandler(AppDbContext db, IAuditLog audit, ExportFiles files)
{
    public async Task<ExportDownload?> HandleAsync(Guid id, CancellationToken cancellationToken)
    {
        var export = await db.Set<OrganisationExport>().AsNoTracking()
            .FirstOrDefaultAsync(e => e.Id == id && e.Status == OrganisationExportStatus.Completed, cancellationToken);
        var path = files.PathOf(id);
        if (export is null || !File.Exists(path))
        {
            return null;
        }

        await audit.RecordAsync(OrganisationExportAuditActions.Downloaded, "organisation-export", id.ToString(), new
        {
            size = export.SizeBytes,
        }, cancellationToken: cancellationToken);
        return new ExportDownload(path, export.DownloadName);
    }
}
