namespace MigrantAid.Web.Security.Audit;

/// <summary>The audit actions of client records (to be folded into <see cref="Domain.AuditActions.All"/>).</summary>
public static class ClientAuditActions
{
    public const string Created = "client.created";
    public const string Viewed = "client.viewed";
    public const string Updated = "client.updated";

    public static readonly IReadOnlyList<string> All = [Created, Viewed, Updated];
}
