namespace MigrantAid.Web.Security.Sessions;

/// <summary>Audit actions of server-side sessions (found by AuditActions.All through the "All" list).</summary>
public static class SessionAuditActions
{
    public const string SessionEnded = "auth.session-ended";
    public const string OtherSessionsEnded = "auth.other-sessions-ended";
    public const string SessionsEndedByAdmin = "user.sessions-ended";

    public static readonly IReadOnlyList<string> All = [SessionEnded, OtherSessionsEnded, SessionsEndedByAdmin];
}
