using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Notifications;

public sealed record DeliveryCounts(int Sent, int Failed);

/// <summary>
/// Sends the digests that are due. Each run is taken with SELECT ... FOR UPDATE SKIP LOCKED and kept locked
/// while its e-mail is handed to the server, then marked sent (or failed, with the next attempt's time) in the
/// same transaction: an instance never sends a digest another instance is sending or has sent.
/// </summary>
public sealed partial class DigestDelivery(AppDbContext db, IMailSender mail, DigestEmail email, ILogger<DigestDelivery> logger)
{
    /// <summary>Enough for a large organisation's morning; the rest waits for the next round.</summary>
    private const int MaxPerRound = 2000;

    public async Task<DeliveryCounts> SendDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (sent, failed) = (0, 0);
        if (!mail.IsConfigured)
        {
            return new(sent, failed);
        }

        for (var i = 0; i < MaxPerRound; i++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var run = (await db.DigestRuns
                .FromSql($"""
                    SELECT * FROM digest_runs
                    WHERE status = {(int)DigestStatus.Pending} AND next_attempt_at <= {now}
                    ORDER BY next_attempt_at
                    LIMIT 1
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(cancellationToken)).SingleOrDefault();
            if (run is null)
            {
                break;
            }

            var delivered = await DeliverAsync(run, now, cancellationToken);
            sent += delivered == true ? 1 : 0;
            failed += delivered == false ? 1 : 0;

            // Saved even when the round is being cancelled: an e-mail handed over must be recorded as sent.
            await db.SaveChangesAsync(CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        return new(sent, failed);
    }

    /// <summary>Sends one run's digest and records the result on it: true sent, false failed, null nothing to send (or no one to send it to).</summary>
    private async Task<bool?> DeliverAsync(DigestRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var recipient = await db.Users.AsNoTracking()
            .Where(u => u.Id == run.UserId)
            .Select(u => new { u.Email, u.PreferredLanguage, u.IsActive })
            .SingleAsync(cancellationToken);
        var items = await ItemsAsync(run, cancellationToken);
        if (!recipient.IsActive || string.IsNullOrWhiteSpace(recipient.Email) || items.Count == 0)
        {
            run.NoEmail(items.Count, now);
            return null;
        }

        try
        {
            await mail.SendAsync(email.Compose(recipient.Email, recipient.PreferredLanguage, run.Day, items), cancellationToken);
            run.Sent(now);
            LogSent(logger, run.UserId, run.Day, run.Attempts);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception itself is not logged: a server's refusal can quote the recipient's address.
            var error = SmtpMailSender.Describe(e);
            run.AttemptFailed(error, now);
            if (run.Status == DigestStatus.Failed)
            {
                LogGaveUp(logger, run.UserId, run.Day, run.Attempts, error);
            }
            else
            {
                LogRetrying(logger, run.UserId, run.Day, run.Attempts, DigestRun.MaxAttempts, run.NextAttemptAt, error);
            }

            return false;
        }
    }

    /// <summary>What the digest lists: the notifications made for that user and day, hearings with their office's zone.</summary>
    private async Task<List<DigestItem>> ItemsAsync(DigestRun run, CancellationToken cancellationToken)
    {
        var sealedAgainst = CaseAccess.SealedAgainst(db, run.UserId);
        var rows = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == run.UserId && n.Day == run.Day && !sealedAgainst.Contains(n.CaseId))
            .Join(db.Cases, n => n.CaseId, c => c.Id, (n, c) => new { n, c.OfficeId })
            .Join(db.Offices, x => x.OfficeId, o => o.Id, (x, o) => new
            {
                x.n.Kind,
                x.n.Reference,
                x.n.Title,
                x.n.DueOn,
                x.n.StartsAt,
                o.TimeZoneId,
            })
            .ToListAsync(cancellationToken);
        return rows
            .OrderBy(r => r.Kind).ThenBy(r => r.DueOn).ThenBy(r => r.StartsAt).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .Select(r => new DigestItem(r.Kind, r.Reference, r.Title, r.DueOn, r.StartsAt, r.TimeZoneId))
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest for user {UserId} on {Day} sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, Guid userId, DateOnly day, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Digest for user {UserId} on {Day} failed (attempt {Attempt} of {MaxAttempts}); next attempt at {NextAttemptAt}: {Error}")]
    private static partial void LogRetrying(ILogger logger, Guid userId, DateOnly day, int attempt, int maxAttempts, DateTimeOffset? nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message =
        "Digest for user {UserId} on {Day} failed {Attempt} times and is given up; an administrator can send it again from /notifications/deliveries: {Error}")]
    private static partial void LogGaveUp(ILogger logger, Guid userId, DateOnly day, int attempt, string error);
}
