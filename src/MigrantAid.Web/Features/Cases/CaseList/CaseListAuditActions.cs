namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>Audit actions of the case list (to be folded into AuditActions.All by the lead).</summary>
public static class CaseListAuditActions
{
    public const string Exported = "case.exported";

    /// <summary>One case given to another lead lawyer or caseworker by the list's reassignment, with the reason.</summary>
    public const string Reassigned = "case.reassigned";

    public static readonly IReadOnlyList<string> All = [Exported, Reassigned];
}
