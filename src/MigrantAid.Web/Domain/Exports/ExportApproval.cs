namespace MigrantAid.Web.Domain.Exports;

/// <summary>Which export a request is for.</summary>
public enum ExportApprovalKind
{
    /// <summary>The case list as filtered, as CSV.</summary>
    CaseList = 0,

    /// <summary>The organisation export (a zip of every table).</summary>
    Organisation = 1,
}

public enum ExportApprovalStatus
{
    Pending = 0,
    Approved = 1,
    Refused = 2,
}

/// <summary>
/// A request to export client data beyond the configured size (issue 15, point 6): made by one person with a
/// reason, approved or refused by another. Once approved, its requester (only) may download the export for
/// <see cref="ValidFor"/>; the file is made at download time with the filters stored here.
/// </summary>
public class ExportApproval
{
    public const int MaxReasonLength = 1000;
    public const int MaxFiltersLength = 2000;

    public static readonly TimeSpan ValidFor = TimeSpan.FromHours(24);

    public ExportApproval(ExportApprovalKind kind, Guid requestedBy, DateTimeOffset now, string filters, string filterText, int rows, string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("Give the reason for the export.");
        }

        Id = Guid.NewGuid();
        Kind = kind;
        RequestedBy = requestedBy;
        RequestedAt = now;
        Filters = filters;
        FilterText = filterText;
        Rows = rows;
        Reason = reason.Trim();
        Status = ExportApprovalStatus.Pending;
    }

    private ExportApproval()
    {
    }

    public Guid Id { get; private set; }

    public ExportApprovalKind Kind { get; private set; }

    public Guid RequestedBy { get; private set; }

    public DateTimeOffset RequestedAt { get; private set; }

    /// <summary>The export's filters as its address's query string (empty for the organisation export).</summary>
    public string Filters { get; private set; } = "";

    /// <summary>The filters as the requester read them, for the approver.</summary>
    public string FilterText { get; private set; } = "";

    /// <summary>The rows the export had when requested: what is approved.</summary>
    public int Rows { get; private set; }

    public string Reason { get; private set; } = "";

    public ExportApprovalStatus Status { get; private set; }

    public Guid? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>The organisation export started under this approval (one per approval).</summary>
    public Guid? ExportId { get; private set; }

    /// <summary>Until when the requester may download it (approved only).</summary>
    public DateTimeOffset? DownloadableUntil => Status == ExportApprovalStatus.Approved ? DecidedAt + ValidFor : null;

    public bool IsDownloadable(DateTimeOffset now) => DownloadableUntil is { } until && now < until;

    /// <summary>Approves (<paramref name="approve"/>) or refuses the request; never by its requester, only while pending.</summary>
    public void Decide(bool approve, Guid by, DateTimeOffset now)
    {
        if (by == RequestedBy)
        {
            throw new DomainException("Another person must approve or refuse your own request.");
        }

        if (Status != ExportApprovalStatus.Pending)
        {
            throw new DomainException("This request has already been decided.");
        }

        Status = approve ? ExportApprovalStatus.Approved : ExportApprovalStatus.Refused;
        DecidedBy = by;
        DecidedAt = now;
    }

    /// <summary>Records the organisation export started under this approval.</summary>
    public void Started(Guid exportId)
    {
        if (ExportId is not null)
        {
            throw new DomainException("The export of this approval has already been started.");
        }

        ExportId = exportId;
    }
}
