using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;
using MigrantAid.Web.Security.Sessions;

namespace MigrantAid.Web.Features.Users;

/// <summary>
/// An administrator ends every open session of a user at once (a lost phone, a shared computer left
/// signed in). The account stays enabled: the user can sign in again. Audited with the count.
/// </summary>
public sealed class EndUserSessionsHandler(AppDbContext db, UserSessions sessions, IAuditLog audit)
{
    /// <returns>How many sessions ended, or null when there is no such user.</returns>
    public async Task<int?> HandleAsync(Guid userId)
    {
        if (!await db.Users.AnyAsync(u => u.Id == userId))
        {
            return null;
        }

        var ended = await sessions.EndAllAsync(userId, SessionEndReasons.EndedByAdmin);
        await audit.RecordAsync(SessionAuditActions.SessionsEndedByAdmin, "user", userId.ToString(), new { count = ended });
        return ended;
    }
}
