using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Privacy;

namespace MigrantAid.Web.Features.Privacy;

/// <summary>The kinds of record the schedule keeps, as the due list's address names them.</summary>
public enum RetentionKind
{
    ClosedCases,
    RejectedIntakes,
    DraftIntakes,
    AuditEntries,
    Erasures,
}

/// <summary>How many records of each kind are due now and by a later day.</summary>
public sealed record RetentionDue(int ClosedCases, int RejectedIntakes, int DraftIntakes, long AuditEntries, int Erasures)
{
    public long Of(RetentionKind kind) => kind switch
    {
        RetentionKind.ClosedCases => ClosedCases,
        RetentionKind.RejectedIntakes => RejectedIntakes,
        RetentionKind.DraftIntakes => DraftIntakes,
        RetentionKind.AuditEntries => AuditEntries,
        _ => Erasures,
    };
}

public sealed record RetentionRunRow(DateTimeOffset StartedAt, AnonymisationKind Kind, bool Automatic, int Cases, int Intakes, int Clients, long AuditEvents)
{
    /// <summary>The runs, newest first, as the retention and privacy pages show them.</summary>
    public static IQueryable<RetentionRunRow> Newest(AppDbContext db) =>
        db.AnonymisationRuns.AsNoTracking().OrderByDescending(r => r.StartedAt)
            .Select(r => new RetentionRunRow(r.StartedAt, r.Kind, r.ActorId == null, r.Cases, r.Intakes, r.Clients, r.AuditEvents));
}

public sealed record RetentionPage(
    RetentionInput Input, RetentionPolicy Policy, RetentionDue DueNow, RetentionDue DueSoon, DateOnly SoonUntil,
    IReadOnlyList<RetentionRunRow> Runs, AnonymisationCounts? Preview)
{
    /// <summary>When the daily run starts applying a schedule saved lately (null: it applies it already, or nothing is set).</summary>
    public DateTimeOffset? AutomaticFrom { get; init; }

    /// <summary>How many days a saved schedule waits (Retention:ScheduleGrace).</summary>
    public int GraceDays { get; init; }
}

/// <summary>
/// The retention page (issue 15, point 2): the schedule, what falls due now and within <see cref="Horizon"/> days
/// (counts per kind, each by its partial index), and the last runs.
/// </summary>
public sealed class ViewRetentionHandler(AppDbContext db, TimeProvider clock, IOptions<RetentionOptions> options)
{
    public const int Horizon = 30;
    public const int RunsShown = 10;

    public async Task<RetentionPage> HandleAsync(RetentionInput? typed = null, AnonymisationCounts? preview = null, CancellationToken cancellationToken = default)
    {
        var policy = await db.RetentionPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var soon = now.AddDays(Horizon);
        var dueNow = await CountAsync(policy.CutoffsAt(now), cancellationToken);
        var dueSoon = await CountAsync(policy.CutoffsAt(soon), cancellationToken);
        var runs = await RetentionRunRow.Newest(db).TakeFixed(RunsShown).ToListAsync(cancellationToken);
        return new RetentionPage(typed ?? RetentionInput.From(policy), policy, dueNow, dueSoon, DateOnly.FromDateTime(soon.UtcDateTime), runs, preview)
        {
            AutomaticFrom = policy.AutomaticFrom(now, options.Value.ScheduleGrace),
            GraceDays = (int)Math.Ceiling(options.Value.ScheduleGrace.TotalDays),
        };
    }

    /// <summary>The records due by the cutoffs (the first <paramref name="take"/> of one kind, oldest first), for the due list.</summary>
    public async Task<RetentionDueList?> ListAsync(RetentionKind kind, int take, CancellationToken cancellationToken = default)
    {
        var policy = await db.RetentionPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var until = clock.GetUtcNow().AddDays(Horizon);
        var cut = policy.CutoffsAt(until);
        var rows = kind switch
        {
            RetentionKind.ClosedCases when cut.ClosedBefore is { } c => await Anonymisation.ClosedCasesDue(db, c).OrderBy(k => k.ClosedOn).ThenBy(k => k.Id).Take(take)
                .Select(k => new RetentionDueRow(k.Id, k.Reference, k.ClosedOn!.Value.ToDateTime(TimeOnly.MinValue), null))
                .ToListAsync(cancellationToken),
            RetentionKind.RejectedIntakes when cut.RejectedBefore is { } r => await Anonymisation.RejectedIntakesDue(db, r).OrderBy(i => i.DecidedAt).ThenBy(i => i.Id).Take(take)
                .Select(i => new RetentionDueRow(i.Id, null, i.DecidedAt!.Value.UtcDateTime, i.ClientId))
                .ToListAsync(cancellationToken),
            RetentionKind.DraftIntakes when cut.DraftChangedBefore is { } d => await Anonymisation.DraftIntakesDue(db, d).OrderBy(i => i.UpdatedAt).ThenBy(i => i.Id).Take(take)
                .Select(i => new RetentionDueRow(i.Id, null, i.UpdatedAt.UtcDateTime, i.ClientId))
                .ToListAsync(cancellationToken),
            RetentionKind.Erasures => await Erasure.Waiting(db)
                .OrderBy(c => c.ErasureRequestedOn).ThenBy(c => c.Id).Take(take)
                .Select(c => new RetentionDueRow(c.Id, null, c.ErasureRequestedOn!.Value.ToDateTime(TimeOnly.MinValue), c.Id))
                .ToListAsync(cancellationToken),
            _ => null,
        };
        return rows is null ? null : new RetentionDueList(kind, rows, DateOnly.FromDateTime(until.UtcDateTime));
    }

    private async Task<RetentionDue> CountAsync(RetentionCutoffs cut, CancellationToken cancellationToken)
    {
        var closed = cut.ClosedBefore is { } c ? await Anonymisation.ClosedCasesDue(db, c).CountAsync(cancellationToken) : 0;
        var rejected = cut.RejectedBefore is { } r ? await Anonymisation.RejectedIntakesDue(db, r).CountAsync(cancellationToken) : 0;
        var drafts = cut.DraftChangedBefore is { } d ? await Anonymisation.DraftIntakesDue(db, d).CountAsync(cancellationToken) : 0;
        var audit = cut.AuditBefore is { } a ? await db.AuditEvents.LongCountAsync(e => e.OccurredAt < a, cancellationToken) : 0;
        var erasures = await Erasure.Waiting(db).CountAsync(cancellationToken);
        return new RetentionDue(closed, rejected, drafts, audit, erasures);
    }
}

/// <summary>One due record: its id, a case's reference, the date its period counts from, and the client (intakes and requests).</summary>
public sealed record RetentionDueRow(Guid Id, string? Reference, DateTime Since, Guid? ClientId);

public sealed record RetentionDueList(RetentionKind Kind, IReadOnlyList<RetentionDueRow> Rows, DateOnly Until);
