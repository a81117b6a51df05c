using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Notifications;

public sealed record NotificationRow(
    long Id,
    NotificationKind Kind,
    Guid CaseId,
    string Reference,
    string Title,
    DateOnly? DueOn,
    DateTime? StartsLocal,
    string? HearingZone,
    DateTime CreatedLocal,
    bool IsRead);

public sealed record NotificationsPage(IReadOnlyList<NotificationRow> Rows, int UnreadCount, string TimeZoneId, long? OlderBefore, bool IsFirstPage);

/// <summary>The signed-in user's notifications, newest first, by keyset on id over (user_id, id).</summary>
public sealed class ListNotificationsHandler(AppDbContext db)
{
    public const int PageSize = 25;

    public async Task<NotificationsPage> HandleAsync(Guid userId, long? before, CancellationToken cancellationToken)
    {
        var viewerZone = OfficeTime.For(await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.Office != null)
            .Select(u => u.Office!.TimeZoneId)
            .FirstOrDefaultAsync(cancellationToken));

        // A sealed case's reminders only while the user is named on it (issue 15).
        var sealedAgainst = CaseAccess.SealedAgainst(db, userId);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == userId && !sealedAgainst.Contains(n.CaseId));
        if (before is { } key)
        {
            query = query.Where(n => n.Id < key);
        }

        var rows = await query
            .OrderByDescending(n => n.Id)
            .TakeFixed(PageSize + 1)
            .Join(db.Cases, n => n.CaseId, c => c.Id, (n, c) => new { n, c.OfficeId })
            .Join(db.Offices, x => x.OfficeId, o => o.Id, (x, o) => new
            {
                x.n.Id,
                x.n.Kind,
                x.n.CaseId,
                x.n.Reference,
                x.n.Title,
                x.n.DueOn,
                x.n.StartsAt,
                x.n.CreatedAt,
                x.n.ReadAt,
                o.TimeZoneId,
            })
            .OrderByDescending(n => n.Id)
            .ToListAsync(cancellationToken);

        var shown = rows.Take(PageSize).Select(r =>
        {
            var office = OfficeTime.For(r.TimeZoneId);
            return new NotificationRow(r.Id, r.Kind, r.CaseId, r.Reference, r.Title, r.DueOn,
                r.StartsAt is { } starts ? office.Local(starts) : null, r.StartsAt is null ? null : office.ZoneId,
                viewerZone.Local(r.CreatedAt), r.ReadAt is not null);
        }).ToList();
        var unread = await UnreadCountAsync(db, userId, cancellationToken);
        long? older = rows.Count > PageSize ? shown[^1].Id : null;
        return new NotificationsPage(shown, unread, viewerZone.ZoneId, older, before is null);
    }

    /// <summary>
    /// The navigation's count: one query over the partial index of unread notifications. The sealed cases' query is
    /// made outside the lambda: a method call inside it is compiled by EF Core on every request (the layout asks on
    /// every page).
    /// </summary>
    public static Task<int> UnreadCountAsync(AppDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var sealedAgainst = CaseAccess.SealedAgainst(db, userId);
        return db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null && !sealedAgainst.Contains(n.CaseId), cancellationToken);
    }
}
