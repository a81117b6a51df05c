namespace MigrantAid.Web.Features.CaseList;

/// <summary>Audit actions of the case list (to be folded into AuditActions.All by the lead).</summary>
public static class CaseListAuditActions
{
    public const string Exported = "case.exported";

    public static readonly IReadOnlyList<string> All = [Exported];
}
