using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>Marks the signed-in user's own notifications read; another user's notification is not found.</summary>
public sealed class MarkNotificationsReadHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    /// <returns>False when the user has no such notification.</returns>
    public async Task<bool> MarkOneAsync(Guid userId, long id, CancellationToken cancellationToken)
    {
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notification is null)
        {
            return false;
        }

        if (!notification.IsRead)
        {
            notification.MarkRead(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            await audit.RecordAsync(NotificationAuditActions.NotificationRead, "notification", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { caseId = notification.CaseId }, cancellationToken: cancellationToken);
        }

        return true;
    }

    /// <returns>How many were unread.</returns>
    public async Task<int> MarkAllAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var count = await db.Notifications
            .Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (count > 0)
        {
            await audit.RecordAsync(NotificationAuditActions.NotificationsAllRead, "user", userId.ToString(), new { count }, cancellationToken: cancellationToken);
        }

        return count;
    }
}
