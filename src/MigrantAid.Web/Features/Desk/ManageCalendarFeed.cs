using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Desk;

/// <summary>The feed page: whether the user has a live address (since when), and the new address right after making one.</summary>
public sealed record CalendarFeedModel(DateTimeOffset? ActiveSince, string? NewAddress, string? NewWebcalAddress);

/// <summary>
/// Makes, replaces and revokes a user's calendar feed address. Each change is one transaction with
/// its audit row; the token itself is returned once to be shown, and never stored, logged or audited.
/// </summary>
public sealed class ManageCalendarFeedHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<DateTimeOffset?> ActiveSinceAsync(Guid userId, CancellationToken cancellationToken = default) =>
        await db.CalendarFeeds.AsNoTracking()
            .Where(f => f.UserId == userId && f.RevokedAt == null)
            .Select(f => (DateTimeOffset?)f.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>A new address, revoking the previous one if there was one. Returns the token (to show once).</summary>
    public async Task<string> CreateAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var previous = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var old in previous)
        {
            old.Revoke(now);
        }

        // Revoke first: one live address per user is a unique index over the rows not revoked.
        await db.SaveChangesAsync(cancellationToken);
        var (feed, token) = CalendarFeed.Create(userId, now);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        if (previous.Count > 0)
        {
            await audit.RecordAsync(DeskAuditActions.FeedRegenerated, "calendar-feed", feed.Id.ToString(),
                new { replaced = previous.Select(p => p.Id).ToList() }, cancellationToken: cancellationToken);
        }
        else
        {
            await audit.RecordAsync(DeskAuditActions.FeedCreated, "calendar-feed", feed.Id.ToString(), cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return token;
    }

    /// <summary>Ends the live address, if any; true when one was revoked.</summary>
    public async Task<bool> RevokeAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var live = await db.CalendarFeeds.Where(f => f.UserId == userId && f.RevokedAt == null).ToListAsync(cancellationToken);
        if (live.Count == 0)
        {
            return false;
        }

        foreach (var feed in live)
        {
            feed.Revoke(clock.GetUtcNow());
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var feed in live)
        {
            await audit.RecordAsync(DeskAuditActions.FeedRevoked, "calendar-feed", feed.Id.ToString(), cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
