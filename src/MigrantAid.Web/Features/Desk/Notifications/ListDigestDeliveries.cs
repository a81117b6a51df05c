using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Infrastructure;

namespace MigrantAid.Web.Features.Desk.Notifications;

public sealed record DeliveryRow(
    Guid UserId,
    DateOnly Day,
    string? Email,
    string FullName,
    DigestStatus Status,
    int ItemCount,
    int Attempts,
    DateTime? NextAttemptLocal,
    string? LastError);

public sealed record DeliveriesPage(IReadOnlyList<DeliveryRow> Rows, string TimeZoneId, int MaxAttempts, DeliveriesPosition? Older, bool IsFirstPage);

/// <summary>Where the next (older) page of deliveries starts: before this day and user.</summary>
public sealed record DeliveriesPosition(DateOnly Day, Guid UserId)
{
    public string IsoDay => Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>
/// Digest e-mails that are not done, for administrators: waiting (first attempt or a retry) or failed for good.
/// Newest day first, by keyset on (day, user id) over the partial index of open runs.
/// </summary>
public sealed class ListDigestDeliveriesHandler(AppDbContext db)
{
    public const int PageSize = 50;

    public async Task<DeliveriesPage> HandleAsync(Guid viewerId, DateOnly? beforeDay, Guid? beforeUser, CancellationToken cancellationToken)
    {
        var zone = OfficeTime.For(await db.Users.AsNoTracking()
            .Where(u => u.Id == viewerId && u.Office != null)
            .Select(u => u.Office!.TimeZoneId)
            .FirstOrDefaultAsync(cancellationToken));

        var query = db.DigestRuns.AsNoTracking().Where(r => r.Status == DigestStatus.Pending || r.Status == DigestStatus.Failed);
        if (beforeDay is { } day && beforeUser is { } user)
        {
            query = query.Where(r => r.Day < day || (r.Day == day && r.UserId.CompareTo(user) < 0));
        }

        var rows = await query
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.UserId)
            .TakeFixed(PageSize + 1)
            .Join(db.Users, r => r.UserId, u => u.Id, (r, u) => new
            {
                r.UserId,
                r.Day,
                u.Email,
                u.FullName,
                r.Status,
                r.ItemCount,
                r.Attempts,
                r.NextAttemptAt,
                r.LastError,
            })
            .OrderByDescending(r => r.Day).ThenByDescending(r => r.UserId)
            .ToListAsync(cancellationToken);

        var shown = rows.Take(PageSize)
            .Select(r => new DeliveryRow(r.UserId, r.Day, r.Email, r.FullName, r.Status, r.ItemCount, r.Attempts,
                r.NextAttemptAt is { } next ? zone.Local(next) : null, r.LastError))
            .ToList();
        var older = rows.Count > PageSize ? new DeliveriesPosition(shown[^1].Day, shown[^1].UserId) : null;

        return new DeliveriesPage(shown, zone.ZoneId, DigestRun.MaxAttempts, older, beforeDay is null);
    }
}
