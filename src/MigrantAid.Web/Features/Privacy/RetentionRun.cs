using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Privacy;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Privacy;

/// <summary>
/// One run of the retention schedule (issue 15, point 2): anonymises the closed cases, rejected intakes and drafts
/// that are due, carries out the requests to be forgotten whose clients no longer have an open case, and removes
/// the audit entries older than the schedule keeps. Each batch (<see cref="Anonymisation.BatchSize"/> records,
/// <see cref="Anonymisation.AuditBatchSize"/> audit entries) is its own transaction, so a long first run advances
/// batch by batch. A preview does the same work for the first batch of each kind in one transaction that is rolled
/// back (and counts the audit entries instead of removing them): its counts are exactly what a run would change,
/// marked partial when more is due than it tried. Every run and preview is audited with its counts; a run is kept
/// in anonymisation_runs.
/// </summary>
public sealed class RetentionRunHandler(AppDbContext db, IAuditLog audit, TimeProvider clock, ILogger<RetentionRunHandler> logger)
{
    /// <summary>Batches of each kind a preview tries (a run at 1,000,000 cases takes a few seconds a batch).</summary>
    public const int PreviewBatches = 1;

    /// <param name="applySchedule">False: only the waiting requests to be forgotten (a daily run within a new schedule's grace).</param>
    public async Task<AnonymisationCounts> RunAsync(Guid? actorId, bool dryRun, bool applySchedule = true, CancellationToken cancellationToken = default)
    {
        var policy = await db.RetentionPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var cut = applySchedule ? policy.CutoffsAt(now) : RetentionCutoffs.KeepAll;
        var run = new AnonymisationRun(AnonymisationKind.Schedule, actorId, now);

        AnonymisationCounts counts;
        if (dryRun)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            counts = await ApplyAsync(cut, now, PreviewBatches, cancellationToken);
            await transaction.RollbackAsync(cancellationToken);
        }
        else
        {
            counts = await ApplyAsync(cut, now, null, cancellationToken);
            run.Finish(counts, clock.GetUtcNow());
            db.AnonymisationRuns.Add(run);
        }

        await audit.RecordAsync(dryRun ? PrivacyAuditActions.RetentionPreviewed : PrivacyAuditActions.RetentionRun, "retention", dryRun ? null : run.Id.ToString(),
            new { counts.Cases, counts.Intakes, counts.Clients, counts.AuditEvents, counts.Partial, automatic = actorId is null }, actorId,
            cancellationToken: cancellationToken);
        if (!dryRun)
        {
            await Anonymisation.PruneWordsAsync(db, logger, cancellationToken);
        }

        return counts;
    }

    /// <param name="previewBatches">Null for a run (each batch committed); else the batches a preview tries, in the caller's transaction.</param>
    private async Task<AnonymisationCounts> ApplyAsync(RetentionCutoffs cut, DateTimeOffset now, int? previewBatches, CancellationToken cancellationToken)
    {
        var total = AnonymisationCounts.None;
        var take = Anonymisation.BatchSize;
        foreach (var (due, asCases) in new (Func<CancellationToken, Task<List<Guid>>>? Due, bool AsCases)[]
        {
            (cut.ClosedBefore is { } closed ? ct => Anonymisation.ClosedCasesDue(db, closed).OrderBy(c => c.ClosedOn).ThenBy(c => c.Id).Select(c => c.Id).Take(take).ToListAsync(ct) : null, true),
            (cut.RejectedBefore is { } rejected ? ct => Anonymisation.RejectedIntakesDue(db, rejected).OrderBy(i => i.DecidedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(take).ToListAsync(ct) : null, false),
            (cut.DraftChangedBefore is { } draft ? ct => Anonymisation.DraftIntakesDue(db, draft).OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id).Select(i => i.Id).Take(take).ToListAsync(ct) : null, false),
        })
        {
            if (due is not null)
            {
                total = total.Plus(await InBatchesAsync(previewBatches, due,
                    (ids, ct) => asCases ? Anonymisation.ApplyAsync(db, ids, [], [], now, ct) : Anonymisation.ApplyAsync(db, [], ids, [], now, ct), cancellationToken));
            }
        }

        total = total.Plus(await InBatchesAsync(previewBatches, ct => Erasure.ClientsReadyAsync(db, Anonymisation.BatchSize, ct),
            (ids, ct) => Erasure.ApplyAsync(db, ids, now, ct), cancellationToken));

        if (cut.AuditBefore is { } auditBefore)
        {
            total = total.Plus(AnonymisationCounts.None with { AuditEvents = await ExpireAuditAsync(auditBefore, previewBatches is not null, cancellationToken) });
        }

        return total;
    }

    /// <summary>Takes due ids and anonymises them until none is left (or, in a preview, until its batches are tried).</summary>
    private async Task<AnonymisationCounts> InBatchesAsync(
        int? previewBatches, Func<CancellationToken, Task<List<Guid>>> due, Func<List<Guid>, CancellationToken, Task<AnonymisationCounts>> apply,
        CancellationToken cancellationToken)
    {
        var total = AnonymisationCounts.None;
        for (var batch = 0; ; batch++)
        {
            await using var transaction = previewBatches is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var ids = await due(cancellationToken);
            if (ids.Count == 0)
            {
                return total;
            }

            if (batch == previewBatches)
            {
                return total with { Partial = true };
            }

            total = total.Plus(await apply(ids, cancellationToken));
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Removes the audit entries due, a batch per transaction; a preview counts them instead.</summary>
    private async Task<long> ExpireAuditAsync(DateTimeOffset before, bool preview, CancellationToken cancellationToken)
    {
        if (preview)
        {
            return await db.AuditEvents.LongCountAsync(e => e.OccurredAt < before, cancellationToken);
        }

        long total = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var removed = await Anonymisation.ExpireAuditAsync(db, before, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += removed;
            if (removed < Anonymisation.AuditBatchSize)
            {
                return total;
            }
        }
    }
}
