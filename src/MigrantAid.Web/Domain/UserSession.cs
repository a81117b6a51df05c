namespace MigrantAid.Web.Domain;

/// <summary>
/// One sign-in: the row the sign-in cookie points to. The portal checks it on every request (through a
/// short cache), so ending the row ends the session at once, whatever copies of the cookie exist.
/// </summary>
public class UserSession
{
    public const int UserAgentMaxLength = 300;
    public const int AddressMaxLength = 45;
    public const int ReasonMaxLength = 40;

    public Guid Id { get; set; }

    public Guid UserId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Written at most once a minute, not on every request.</summary>
    public DateTimeOffset LastSeenAt { get; set; }

    /// <summary>Slides with <see cref="LastSeenAt"/>: a session unused for the idle timeout is over.</summary>
    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>One of <see cref="SessionEndReasons"/>.</summary>
    public string? EndedReason { get; set; }

    public string? UserAgent { get; set; }

    public string? ClientAddress { get; set; }

    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    public static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];
}

/// <summary>Why a session ended: stored in user_sessions.ended_reason.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string EndedByUser = "ended-by-user";
    public const string EndedByAdmin = "ended-by-admin";
    public const string PasswordChanged = "password-changed";
    public const string PasswordReset = "password-reset";
    public const string UserDisabled = "user-disabled";
    public const string SecurityStampChanged = "security-stamp-changed";
}
