namespace MigrantAid.Web.Security.Audit;

/// <summary>The privacy lifecycle's audit actions (issue 15): the retention schedule, its runs, erasure on request.</summary>
public static class PrivacyAuditActions
{
    public const string RetentionChanged = "privacy.retention-changed";
    public const string RetentionPreviewed = "privacy.retention-previewed";
    public const string RetentionRun = "privacy.retention-run";
    public const string ErasureRequested = "client.erasure-requested";
    public const string ErasurePreviewed = "client.erasure-previewed";
    public const string Erased = "client.erased";

    public static readonly IReadOnlyList<string> All = [RetentionChanged, RetentionPreviewed, RetentionRun, ErasureRequested, ErasurePreviewed, Erased];
}
