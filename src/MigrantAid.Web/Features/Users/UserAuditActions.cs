namespace MigrantAid.Web.Features.Users;

/// <summary>Audit actions of user administration beyond the foundation's (AuditActions).</summary>
public static class UserAuditActions
{
    public const string Unlocked = "user.unlocked";

    public static readonly IReadOnlyList<string> All = [Unlocked];
}
