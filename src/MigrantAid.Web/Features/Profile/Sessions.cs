using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Profile;

/// <summary>One open session on the profile page; times in the user's office time zone.</summary>
public sealed record SessionRow(Guid Id, string? Browser, string? System, string? Address, DateTime SignedInAt, DateTime LastSeenAt, bool IsCurrent);

/// <summary>The signed-in user's open sessions, newest first, the current one marked.</summary>
public sealed class ListSessionsHandler(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<SessionRow>> HandleAsync(Guid userId, Guid? currentSessionId)
    {
        var now = clock.GetUtcNow();
        var zoneId = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Office!.TimeZoneId).FirstOrDefaultAsync();
        var zone = zoneId is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var found) ? found : TimeZoneInfo.Utc;
        var rows = await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.ExpiresAt > now)
            .OrderByDescending(s => s.CreatedAt)
            .Select(s => new { s.Id, s.UserAgent, s.ClientAddress, s.CreatedAt, s.LastSeenAt })
            .TakeFixed(50)
            .ToListAsync();
        return rows.Select(s =>
        {
            var (browser, system) = BrowserName.Describe(s.UserAgent);
            return new SessionRow(s.Id, browser, system, s.ClientAddress, TimeZoneInfo.ConvertTime(s.CreatedAt, zone).DateTime,
                TimeZoneInfo.ConvertTime(s.LastSeenAt, zone).DateTime, s.Id == currentSessionId);
        }).ToList();
    }
}

/// <summary>Ends one of the user's own sessions, or all of them but the current one; audited.</summary>
public sealed class EndOwnSessionsHandler(UserSessions sessions, IAuditLog audit)
{
    /// <returns>False when there is no such open session of this user.</returns>
    public async Task<bool> EndOneAsync(Guid userId, Guid sessionId)
    {
        if (!await sessions.EndAsync(userId, sessionId, SessionEndReasons.EndedByUser))
        {
            return false;
        }

        await audit.RecordAsync(SessionAuditActions.SessionEnded, "session", sessionId.ToString());
        return true;
    }

    public async Task<int> EndOthersAsync(Guid userId, Guid currentSessionId)
    {
        var ended = await sessions.EndAllAsync(userId, SessionEndReasons.EndedByUser, except: currentSessionId);
        await audit.RecordAsync(SessionAuditActions.OtherSessionsEnded, "user", userId.ToString(), new { count = ended });
        return ended;
    }
}
