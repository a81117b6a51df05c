namespace MigrantAid.Web.Features.Cases.CaseDocuments;

/// <summary>Audit actions of case documents (to be folded into AuditActions.All by the lead).</summary>
public static class CaseDocumentAuditActions
{
    public const string Uploaded = "case.document-uploaded";
    public const string Downloaded = "case.document-downloaded";

    public static readonly IReadOnlyList<string> All = [Uploaded, Downloaded];
}
