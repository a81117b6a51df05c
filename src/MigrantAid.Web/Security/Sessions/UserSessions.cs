using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;

namespace MigrantAid.Web.Security.Sessions;

/// <summary>
/// Starts, checks and ends the server-side sessions (ADR 0011). Ending goes to the database and clears
/// this instance's cache at once, so a copied cookie fails on its very next request here.
/// </summary>
public sealed class UserSessions(AppDbContext db, SessionCache cache, TimeProvider clock, IOptions<SessionSettings> options)
{
    private readonly SessionSettings _settings = options.Value;
    private bool _startNew;

    /// <summary>
    /// The next sign-in of this request starts a new session even where the cookie is only re-issued
    /// (RefreshSignInAsync), e.g. after a password change ended the current one.
    /// </summary>
    public void StartNewOnNextSignIn() => _startNew = true;

    /// <summary>True once after <see cref="StartNewOnNextSignIn"/>.</summary>
    public bool TakeStartNew()
    {
        var startNew = _startNew;
        _startNew = false;
        return startNew;
    }

    public async Task<Guid> StartAsync(Guid userId, HttpContext http)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now + _settings.IdleTimeout,
            UserAgent = UserSession.Truncate(http.Request.Headers.UserAgent.ToString(), UserSession.UserAgentMaxLength),
            ClientAddress = UserSession.Truncate(http.Connection.RemoteIpAddress?.ToString(), UserSession.AddressMaxLength),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        db.Entry(session).State = EntityState.Detached;
        return session.Id;
    }

    /// <summary>True while the session is open and belongs to the user; notes the use at most once a minute.</summary>
    public async Task<bool> IsActiveAsync(Guid sessionId, Guid userId)
    {
        var now = clock.GetUtcNow();
        if (!cache.TryGet(sessionId, out var state))
        {
            state = await db.UserSessions.AsNoTracking().Where(s => s.Id == sessionId)
                .Select(s => new SessionState(s.UserId, s.LastSeenAt, s.ExpiresAt, s.EndedAt != null))
                .FirstOrDefaultAsync();
            cache.Set(sessionId, state);
        }

        if (state is null || state.Ended || state.UserId != userId || state.ExpiresAt <= now)
        {
            return false;
        }

        if (now - state.LastSeenAt >= _settings.TouchInterval)
        {
            var expires = now + _settings.IdleTimeout;
            var touched = await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, now).SetProperty(s => s.ExpiresAt, expires));
            cache.Set(sessionId, touched == 1 ? state with { LastSeenAt = now, ExpiresAt = expires } : state with { Ended = true });
            return touched == 1;
        }

        return true;
    }

    /// <summary>Ends one session of the user; false when it is not theirs or already over.</summary>
    public async Task<bool> EndAsync(Guid userId, Guid sessionId, string reason) =>
        await EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id == sessionId), reason) == 1;

    /// <summary>Ends the session of the current request (its id comes from the checked cookie).</summary>
    public async Task EndCurrentAsync(Guid sessionId, string reason) =>
        await EndWhereAsync(db.UserSessions.Where(s => s.Id == sessionId), reason);

    /// <summary>Ends every open session of the user, but <paramref name="except"/> (the current one) when given.</summary>
    public Task<int> EndAllAsync(Guid userId, string reason, Guid? except = null) =>
        EndWhereAsync(db.UserSessions.Where(s => s.UserId == userId && s.Id != except), reason);

    private async Task<int> EndWhereAsync(IQueryable<UserSession> sessions, string reason)
    {
        var now = clock.GetUtcNow();
        var ids = await sessions.Where(s => s.EndedAt == null).Select(s => s.Id).ToListAsync();
        if (ids.Count == 0)
        {
            return 0;
        }

        var ended = await db.UserSessions.Where(s => ids.Contains(s.Id) && s.EndedAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now).SetProperty(s => s.EndedReason, reason));
        foreach (var id in ids)
        {
            cache.Forget(id);
        }

        return ended;
    }
}
