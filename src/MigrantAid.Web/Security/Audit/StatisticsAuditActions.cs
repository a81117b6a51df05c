namespace MigrantAid.Web.Security.Audit;

/// <summary>Audit actions of statistics and reports (to be folded into AuditActions.All by the lead).</summary>
public static class StatisticsAuditActions
{
    public const string Exported = "statistics.exported";
    public const string FollowUpExported = "report.recommendations.exported";

    public static readonly IReadOnlyList<string> All = [Exported, FollowUpExported];
}
