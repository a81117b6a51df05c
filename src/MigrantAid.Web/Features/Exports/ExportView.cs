using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Exports;

namespace MigrantAid.Web.Features.Exports;

/// <summary>One export as the pages and the status endpoint show it (times in the viewer's office zone).</summary>
public sealed record ExportView(
    Guid Id,
    string RequestedByName,
    DateTime RequestedAtLocal,
    OrganisationExportStatus Status,
    int Percent,
    long RowsWritten,
    long RowsTotal,
    string? CurrentFile,
    int FilesDone,
    int FilesTotal,
    long? SizeBytes,
    DateTime? FinishedAtLocal,
    string? Error,
    string DownloadName)
{
    public bool IsActive => Status is OrganisationExportStatus.Queued or OrganisationExportStatus.Running;

    public bool CanDownload => Status == OrganisationExportStatus.Completed;

    /// <summary>Exports (filtered and ordered by the caller) with the name of who started each.</summary>
    internal static IQueryable<ExportRow> WithRequester(AppDbContext db, IQueryable<OrganisationExport> exports) =>
        exports.Select(e => new ExportRow(e, db.Users.Where(u => u.Id == e.RequestedBy).Select(u => u.FullName).First()));

    internal static ExportView From(ExportRow row, TimeZoneInfo zone) => new(
        row.Export.Id,
        row.RequestedByName,
        TimeZoneInfo.ConvertTime(row.Export.RequestedAt, zone).DateTime,
        row.Export.Status,
        row.Export.Percent,
        row.Export.RowsWritten,
        row.Export.RowsTotal,
        row.Export.CurrentFile,
        row.Export.FilesDone,
        row.Export.FilesTotal,
        row.Export.SizeBytes,
        row.Export.FinishedAt is { } finished ? TimeZoneInfo.ConvertTime(finished, zone).DateTime : null,
        row.Export.Error,
        row.Export.DownloadName);

    internal static async Task<TimeZoneInfo> ViewerZoneAsync(AppDbContext db, Guid viewerId, CancellationToken cancellationToken)
    {
        var zoneId = await db.Users.AsNoTracking()
            .Where(u => u.Id == viewerId && u.Office != null)
            .Select(u => u.Office!.TimeZoneId)
            .FirstOrDefaultAsync(cancellationToken);
        return zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>Bytes as B, KB, MB or GB (binary multiples), in the current culture's number format.</summary>
    public static string FormatSize(long bytes)
    {
        string[] units = ["B", "KB", "MB", "GB"];
        double value = bytes;
        var unit = 0;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes:N0} {units[0]}" : $"{value:N1} {units[unit]}";
    }
}

internal sealed record ExportRow(OrganisationExport Export, string RequestedByName);
