namespace MigrantAid.Web.Security.Audit;

/// <summary>Audit actions of the second-person approval of large exports of client data (issue 15, point 6).</summary>
public static class ExportApprovalAuditActions
{
    public const string Requested = "export.approval-requested";
    public const string Approved = "export.approved";
    public const string Refused = "export.refused";
    public const string Downloaded = "export.approved-downloaded";

    /// <summary>The approvals page was opened: it shows who asks for which client data.</summary>
    public const string Viewed = "export.approvals-viewed";

    public static readonly IReadOnlyList<string> All = [Requested, Approved, Refused, Downloaded, Viewed];
}
