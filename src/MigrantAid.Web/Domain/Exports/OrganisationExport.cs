namespace MigrantAid.Web.Domain.Exports;

public enum OrganisationExportStatus
{
    Queued = 0,
    Running = 1,
    Completed = 2,
    Failed = 3,

    /// <summary>Completed, and its file deleted after the retention period.</summary>
    Expired = 4,
}

/// <summary>
/// One export of the organisation's data (a zip of CSV files). Queued by an administrator, claimed and
/// written by the background worker of one instance, downloadable until the retention period ends.
/// </summary>
public class OrganisationExport
{
    public const int FileMaxLength = 64;
    public const int ErrorMaxLength = 300;
    public const int WorkerMaxLength = 200;

    public OrganisationExport(Guid requestedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        RequestedBy = requestedBy;
        RequestedAt = now;
        Status = OrganisationExportStatus.Queued;
    }

    private OrganisationExport()
    {
    }

    public Guid Id { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    public OrganisationExportStatus Status { get; private set; }

    /// <summary>The instance that claimed the export (host name and process id), for operators.</summary>
    public string? Worker { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>Moved forward after every batch; a running export whose heartbeat stopped is marked failed.</summary>
    public DateTimeOffset? HeartbeatAt { get; private set; }

    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The CSV file being written (e.g. "cases.csv").</summary>
    public string? CurrentFile { get; private set; }

    public int FilesDone { get; private set; }

    public int FilesTotal { get; private set; }

    public long RowsWritten { get; private set; }

    /// <summary>Rows of every file, counted when the export starts (in the snapshot it reads).</summary>
    public long RowsTotal { get; private set; }

    /// <summary>Size of the zip in bytes, once completed.</summary>
    public long? SizeBytes { get; private set; }

    /// <summary>A generic reason when failed (never data from the rows).</summary>
    public string? Error { get; private set; }

    /// <summary>0 to 100, from rows written against rows counted.</summary>
    public int Percent => Status is OrganisationExportStatus.Completed or OrganisationExportStatus.Expired
        ? 100
        : RowsTotal <= 0 ? 0 : (int)Math.Min(99, RowsWritten * 100 / RowsTotal);

    public bool IsActive => Status is OrganisationExportStatus.Queued or OrganisationExportStatus.Running;

    /// <summary>The name the download is offered under, e.g. migrantaid-export-2026-03-01-1a2b3c4d.zip.</summary>
    public string DownloadName =>
        "migrantaid-export-" + RequestedAt.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
        + "-" + Id.ToString("N")[..8] + ".zip";
}
