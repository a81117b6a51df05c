using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace MigrantAid.Web.Security.Sessions;

/// <summary>What a request needs to know about its session, as read from user_sessions.</summary>
public sealed record SessionState(Guid UserId, DateTimeOffset LastSeenAt, DateTimeOffset ExpiresAt, bool Ended);

/// <summary>
/// Keeps each session's state for a few seconds (SessionSettings.CacheSeconds), so a busy user costs
/// one primary-key read per session every few seconds rather than one per request.
/// </summary>
public sealed class SessionCache(IMemoryCache cache, IOptions<SessionSettings> settings)
{
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(Math.Max(0, settings.Value.CacheSeconds));

    public bool TryGet(Guid sessionId, out SessionState? state) => cache.TryGetValue(Key(sessionId), out state);

    public void Set(Guid sessionId, SessionState? state)
    {
        if (_lifetime > TimeSpan.Zero)
        {
            cache.Set(Key(sessionId), state, _lifetime);
        }
    }

    /// <summary>Forgets a session on this instance: its next request reads the row again.</summary>
    public void Forget(Guid sessionId) => cache.Remove(Key(sessionId));

    private static string Key(Guid sessionId) => "user-session:" + sessionId.ToString("N");
}
