using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Privacy;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Privacy;

/// <summary>
/// One run of the retention schedule (issue 15, point 2): anonymises the closed cases, rejected intakes and drafts
/// that are due, carries out the requests to be forgotten whose clients no longer have an open case, and removes
/// the audit entries older than the schedule keeps. Each batch of <see cref="Anonymisation.BatchSize"/> is its own
/// transaction. A dry run does the same work in one transaction that is rolled back, so its counts are exactly what
/// a run would change now. Every run (dry or not) is audited with its counts; a real one is kept in anonymisation_runs.
/// </summary>
public sealed class RetentionRunHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<AnonymisationCounts> RunAsync(Guid? actorId, bool dryRun, CancellationToken cancellationToken = default)
    {
        var policy = await db.RetentionPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var cut = policy.CutoffsAt(now);
        var run = new AnonymisationRun(AnonymisationKind.Schedule, actorId, now);

        AnonymisationCounts counts;
        if (dryRun)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            counts = await ApplyAsync(cut, now, dryRun, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            counts = await ApplyAsync(cut, now, dryRun, cancellationToken);
            run.Finish(counts, clock.GetUtcNow());
            db.AnonymisationRuns.Add(run);
        }

        await audit.RecordAsync(dryRun ? PrivacyAuditActions.RetentionPreviewed : PrivacyAuditActions.RetentionRun, "retention", dryRun ? null : run.Id.ToString(),
            new { counts.Cases, counts.Intakes, counts.Clients, counts.AuditEvents, automatic = actorId is null }, actorId, cancellationToken: cancellationToken);
        return counts;
    }

    private async Task<AnonymisationCounts> ApplyAsync(RetentionCutoffs cut, DateTimeOffset now, bool inOneTransaction, CancellationToken cancellationToken)
    {
        var total = AnonymisationCounts.None;
        if (cut.ClosedBefore is { } closedBefore)
        {
            total = total.Plus(await InBatchesAsync(inOneTransaction, ct =>
                Anonymisation.ClosedCasesDue(db, closedBefore).OrderBy(c => c.ClosedOn).ThenBy(c => c.Id).Select(c => c.Id).Take(Anonymisation.BatchSize).ToListAsync(ct),
                (ids, ct) => Anonymisation.ApplyAsync(db, ids, [], [], now, ct), cancellationToken));
        }

        if (cut.RejectedBefore is { } rejectedBefore)
        {
            total = total.Plus(await InBatchesAsync(inOneTransaction, ct =>
                Anonymisation.RejectedIntakesDue(db, rejectedBefore).OrderBy(i => i.DecidedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(Anonymisation.BatchSize).ToListAsync(ct),
                (ids, ct) => Anonymisation.ApplyAsync(db, [], ids, [], now, ct), cancellationToken));
        }

        if (cut.DraftChangedBefore is { } draftBefore)
        {
            total = total.Plus(await InBatchesAsync(inOneTransaction, ct =>
                Anonymisation.DraftIntakesDue(db, draftBefore).OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(Anonymisation.BatchSize).ToListAsync(ct),
                (ids, ct) => Anonymisation.ApplyAsync(db, [], ids, [], now, ct), cancellationToken));
        }

        total = total.Plus(await InBatchesAsync(inOneTransaction, ct => Erasure.ClientsReadyAsync(db, Anonymisation.BatchSize, ct),
            (ids, ct) => Erasure.ApplyAsync(db, ids, now, ct), cancellationToken));

        if (cut.AuditBefore is { } auditBefore)
        {
            total = total.Plus(AnonymisationCounts.None with { AuditEvents = await Anonymisation.ExpireAuditAsync(db, auditBefore, cancellationToken) });
        }

        return total;
    }

    /// <summary>Takes due ids and anonymises them until none is left; each batch committed on its own unless already in one transaction.</summary>
    private async Task<AnonymisationCounts> InBatchesAsync(
        bool inOneTransaction, Func<CancellationToken, Task<List<Guid>>> due, Func<List<Guid>, CancellationToken, Task<AnonymisationCounts>> apply,
        CancellationToken cancellationToken)
    {
        var total = AnonymisationCounts.None;
        while (true)
        {
            await using var transaction = inOneTransaction ? null : await db.Database.BeginTransactionAsync(cancellationToken);
            var ids = await due(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            total = total.Plus(await apply(ids, cancellationToken));
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }
}
