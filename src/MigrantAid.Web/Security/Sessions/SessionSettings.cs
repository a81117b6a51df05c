namespace MigrantAid.Web.Security.Sessions;

/// <summary>Security:Sessions settings (docs/deployment.md, "Sessions").</summary>
public sealed class SessionSettings
{
    public const string Section = "Security:Sessions";

    /// <summary>
    /// How long one instance may trust what it read about a session. Ending a session clears it on the
    /// instance that ended it at once; other instances notice within this time.
    /// </summary>
    public int CacheSeconds { get; set; } = 5;

    /// <summary>A session not used for this long is over (the sign-in cookie's sliding lifetime, 8 hours).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>last_seen_at is written at most this often, not on every request.</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(1);
}
