namespace MigrantAid.Web.Features.Exports;

/// <summary>Audit actions of the organisation export (to be folded into AuditActions.All by the lead).</summary>
public static class OrganisationExportAuditActions
{
    public const string Started = "organisation-export.started";
    public const string Downloaded = "organisation-export.downloaded";

    public static readonly IReadOnlyList<string> All = [Started, Downloaded];
}
