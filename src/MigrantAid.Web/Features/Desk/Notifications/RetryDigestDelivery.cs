using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Desk.Notifications;

public enum RetryOutcome
{
    Queued,
    NotFound,
    NotFailed,
}

/// <summary>An administrator sends a failed digest again: its attempts start over at the job's next round.</summary>
public sealed class RetryDigestDeliveryHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<RetryOutcome> HandleAsync(Guid userId, DateOnly day, CancellationToken cancellationToken)
    {
        var run = await db.DigestRuns.SingleOrDefaultAsync(r => r.UserId == userId && r.Day == day, cancellationToken);
        if (run is null)
        {
            return RetryOutcome.NotFound;
        }

        if (run.Status != DigestStatus.Failed)
        {
            return RetryOutcome.NotFailed;
        }

        run.Retry(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(NotificationAuditActions.DigestRetried, "digest", $"{userId}/{day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            new { userId, day = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }, cancellationToken: cancellationToken);
        return RetryOutcome.Queued;
    }
}
