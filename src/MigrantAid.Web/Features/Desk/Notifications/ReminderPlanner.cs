using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Notifications;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Desk.Notifications;

/// <summary>
/// Makes each active user's reminders once per day (their office's day): a notification for every open
/// deadline of theirs that is overdue, due today or due within <see cref="DaysAhead"/> days, and for every
/// hearing of their cases until the end of the <see cref="HearingDays"/>th day after today. The day is
/// claimed first, by inserting the user's <see cref="DigestRun"/> row with ON CONFLICT DO NOTHING in the same
/// transaction, so two instances never both make it.
/// </summary>
public sealed partial class ReminderPlanner(AppDbContext db, IMailSender mail, ILogger<ReminderPlanner> logger)
{
    public const int DaysAhead = 7;
    public const int HearingDays = 2;

    /// <summary>At most this many dates per user and day (a backlog of overdue dates must not flood the day).</summary>
    public const int MaxItems = 200;

    /// <summary>Plans every user whose day has no run yet; returns how many users it claimed.</summary>
    public async Task<int> PlanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Offices are few: one "today" per time zone, then the users of those offices in batches.
        var offices = await db.Offices.AsNoTracking().Select(o => new { o.Id, o.TimeZoneId }).ToListAsync(cancellationToken);
        var zones = offices.GroupBy(o => o.TimeZoneId, StringComparer.Ordinal)
            .Select(g => (Time: OfficeTime.For(g.Key), Offices: g.Select(o => (Guid?)o.Id).ToList()))
            .Append((Time: OfficeTime.Utc, Offices: [null]));

        var claimed = 0;
        foreach (var (time, officeIds) in zones)
        {
            claimed += await PlanZoneAsync(time, officeIds, now, cancellationToken);
        }

        return claimed;
    }

    private async Task<int> PlanZoneAsync(OfficeTime time, List<Guid?> officeIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = time.Today(now);
        var withoutOffice = officeIds.Contains(null);

        // Only ids: once the day is done this finds nothing, through the digest_runs key.
        var users = await db.Users.AsNoTracking()
            .Where(u => u.IsActive
                && (officeIds.Contains(u.OfficeId) || (withoutOffice && u.OfficeId == null))
                && !db.DigestRuns.Any(r => r.UserId == u.Id && r.Day == today))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var user in users)
        {
            try
            {
                if (await PlanUserAsync(user, today, time.Zone, now, cancellationToken))
                {
                    claimed++;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One user's trouble must not hold up everyone else's reminders; the next round tries again.
                LogPlanFailed(logger, e, user, today);
            }
        }

        return claimed;
    }

    private async Task<bool> PlanUserAsync(Guid userId, DateOnly today, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Another instance that claimed the day first makes this insert wait for its commit, then do nothing.
        var inserted = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO digest_runs (user_id, day, status, item_count, attempts, created_at, updated_at)
            VALUES ({userId}, {today}, {(int)DigestStatus.Pending}, 0, 0, {now}, {now})
            ON CONFLICT (user_id, day) DO NOTHING
            """, cancellationToken);
        if (inserted == 0)
        {
            return false;
        }

        var user = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.PreferredLanguage }).SingleAsync(cancellationToken);
        var email = user.Email;
        var notifications = await DueNotificationsAsync(userId, user.PreferredLanguage == SupportedLanguages.Russian, today, zone, now, cancellationToken);
        db.Notifications.AddRange(notifications);

        var run = await db.DigestRuns.SingleAsync(r => r.UserId == userId && r.Day == today, cancellationToken);
        if (notifications.Count > 0 && mail.IsConfigured && !string.IsNullOrWhiteSpace(email))
        {
            run.AwaitEmail(notifications.Count, now);
        }
        else
        {
            run.NoEmail(notifications.Count, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogPlanned(logger, userId, today, notifications.Count, run.Status);
        return true;
    }

    /// <param name="russian">The user's language: a deadline's title is written in it.</param>
    private async Task<List<Notification>> DueNotificationsAsync(Guid userId, bool russian, DateOnly today, TimeZoneInfo zone, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The user's cases, each branch on its own index (cases by lead lawyer, by caseworker; case_lawyers by user).
        // A sealed case reminds only the people named on it (issue 15).
        var sealedAgainst = CaseAccess.SealedAgainst(db, userId);
        var cases = db.Cases.Where(c => c.LeadLawyerId == userId).Select(c => c.Id)
            .Union(db.Cases.Where(c => c.CaseworkerId == userId).Select(c => c.Id))
            .Union(db.CaseLawyers.Where(l => l.UserId == userId).Select(l => l.CaseId))
            .Where(id => !sealedAgainst.Contains(id));
        var horizon = today.AddDays(DaysAhead);

        // A deadline with an assignee concerns the assignee; one without concerns the case's people. Two queries
        // rather than one OR, so each reads an index: (assignee_id, due_on) and (case_id, due_on).
        var open = db.CaseDeadlines.AsNoTracking().Where(d => d.Status == DeadlineStatus.Open && d.DueOn <= horizon);
        var assigned = open.Where(d => d.AssigneeId == userId && !sealedAgainst.Contains(d.CaseId));
        var ofMyCases = open.Where(d => d.AssigneeId == null && cases.Contains(d.CaseId));
        var deadlines = new List<(Guid Id, Guid CaseId, string Reference, string Title, DateOnly DueOn)>();
        foreach (var query in new[] { assigned, ofMyCases })
        {
            var rows = await query
                .Join(db.Cases, d => d.CaseId, c => c.Id, (d, c) => new { d.Id, d.CaseId, c.Reference, d.Title, d.TitleRu, d.DueOn })
                .OrderBy(d => d.DueOn).ThenBy(d => d.Id)
                .TakeFixed(MaxItems)
                .ToListAsync(cancellationToken);
            deadlines.AddRange(rows.Select(r => (r.Id, r.CaseId, r.Reference, CaseDeadline.TitleIn(r.Title, r.TitleRu, russian), r.DueOn)));
        }

        var until = StartOfDay(today.AddDays(HearingDays + 1), zone);
        var hearings = await db.Hearings.AsNoTracking()
            .Where(h => !h.IsHeld && h.StartsAt >= now && h.StartsAt < until && cases.Contains(h.CaseId))
            .Join(db.CourtProceedings, h => h.ProceedingId, p => p.Id, (h, p) => new { h.Id, h.CaseId, p.Court, h.StartsAt })
            .Join(db.Cases, h => h.CaseId, c => c.Id, (h, c) => new { h.Id, h.CaseId, c.Reference, h.Court, h.StartsAt })
            .OrderBy(h => h.StartsAt)
            .TakeFixed(MaxItems)
            .ToListAsync(cancellationToken);

        // The day is claimed once, but a notification made by hand or an earlier attempt must not be repeated.
        var existing = await db.Notifications.AsNoTracking()
            .Where(n => n.UserId == userId && n.Day == today)
            .Select(n => new { n.DeadlineId, n.HearingId })
            .ToListAsync(cancellationToken);
        var seenDeadlines = existing.Where(e => e.DeadlineId is not null).Select(e => e.DeadlineId!.Value).ToHashSet();
        var seenHearings = existing.Where(e => e.HearingId is not null).Select(e => e.HearingId!.Value).ToHashSet();

        var result = new List<Notification>();
        foreach (var d in deadlines.OrderBy(d => d.DueOn).DistinctBy(d => d.Id).Where(d => seenDeadlines.Add(d.Id)).Take(MaxItems))
        {
            result.Add(Notification.ForDeadline(userId, today, d.CaseId, d.Reference, d.Id, d.Title, d.DueOn, now));
        }

        foreach (var h in hearings.Where(h => seenHearings.Add(h.Id)).Take(MaxItems - result.Count))
        {
            result.Add(Notification.ForHearing(userId, today, h.CaseId, h.Reference, h.Id, h.Court, h.StartsAt, now));
        }

        return result;
    }

    /// <summary>The instant a calendar day starts in the zone (a day that starts in a DST gap starts when the gap ends).</summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reminders for user {UserId} on {Day} could not be made; the next round tries again")]
    private static partial void LogPlanFailed(ILogger logger, Exception exception, Guid userId, DateOnly day);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reminders for user {UserId} on {Day}: {Count} notification(s), digest {Status}")]
    private static partial void LogPlanned(ILogger logger, Guid userId, DateOnly day, int count, DigestStatus status);
}
