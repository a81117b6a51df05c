using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Features.Cases;

/// <summary>What kind of record of the case's legal work a timeline line reports.</summary>
public enum TimelineRecordKind
{
    ProceedingOpened = 0,
    HearingScheduled = 1,
    DecisionRecorded = 2,
    SubmissionFiled = 3,
    DeadlineCreated = 4,
    DeadlineDone = 5,
    DeadlineDismissed = 6,
}

/// <summary>
/// A timeline line read from the proceedings, hearings, decisions, submissions and deadlines tables: when and by whom
/// it was recorded (<see cref="At"/>, <see cref="ActorId"/>) and the facts the line names.
/// </summary>
public sealed record CaseRecord(
    TimelineRecordKind Kind, DateTimeOffset At, Guid ActorId,
    string? Court = null, CourtInstance? Instance = null, DecisionOutcome? Outcome = null, InternationalBody? Body = null,
    string? Title = null, DateOnly? On = null, DateTimeOffset? StartsAt = null);

/// <summary>A <see cref="CaseRecord"/> as the page shows it: the actor by name, times in the office's zone.</summary>
public sealed record TimelineRecord(
    TimelineRecordKind Kind, DateTime When, string Actor,
    string? Court, CourtInstance? Instance, DecisionOutcome? Outcome, InternationalBody? Body,
    string? Title, DateOnly? On, DateTime? StartsAt);

/// <summary>The span of time one timeline page covers: from inclusive, until exclusive.</summary>
public sealed record TimelineWindow(DateTimeOffset From, DateTimeOffset Until)
{
    public static readonly DateTimeOffset Earliest = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(9999, 12, 31, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// Reads the records of a case's legal work that fall in a timeline page's window, one statement per table.
/// The caller (the case page) has already loaded the case through its access check; this only reads by case id.
/// </summary>
public static class CaseRecordTimeline
{
    /// <summary>Cap per table and page: far above real work, it keeps a pathological page bounded.</summary>
    public const int MaxPerKind = 200;

    public static async Task<IReadOnlyList<CaseRecord>> ReadAsync(AppDbContext db, Guid caseId, TimelineWindow w, CancellationToken ct = default)
    {
        var (from, until) = (w.From, w.Until);
        var records = new List<CaseRecord>();

        records.AddRange(await db.CourtProceedings.AsNoTracking()
            .Where(p => p.CaseId == caseId && p.CreatedAt >= from && p.CreatedAt < until)
            .OrderByDescending(p => p.CreatedAt).Take(MaxPerKind)
            .Select(p => new CaseRecord(TimelineRecordKind.ProceedingOpened, p.CreatedAt, p.CreatedBy, p.Court, p.Instance, null, null, null, p.OpenedOn, null))
            .ToListAsync(ct));

        records.AddRange(await db.Hearings.AsNoTracking()
            .Where(h => h.CaseId == caseId && h.CreatedAt >= from && h.CreatedAt < until)
            .OrderByDescending(h => h.CreatedAt).Take(MaxPerKind)
            .Join(db.CourtProceedings, h => h.ProceedingId, p => p.Id, (h, p) => new { h, p.Court })
            .Select(x => new CaseRecord(TimelineRecordKind.HearingScheduled, x.h.CreatedAt, x.h.CreatedBy, x.Court, null, null, null, null, null, x.h.StartsAt))
            .ToListAsync(ct));

        records.AddRange(await db.CourtDecisions.AsNoTracking()
            .Where(d => d.CaseId == caseId && d.CreatedAt >= from && d.CreatedAt < until)
            .OrderByDescending(d => d.CreatedAt).Take(MaxPerKind)
            .Join(db.CourtProceedings, d => d.ProceedingId, p => p.Id, (d, p) => new { d, p.Court })
            .Select(x => new CaseRecord(TimelineRecordKind.DecisionRecorded, x.d.CreatedAt, x.d.CreatedBy, x.Court, null, x.d.Outcome, null, null, x.d.DecidedOn, null))
            .ToListAsync(ct));

        records.AddRange(await db.InternationalSubmissions.AsNoTracking()
            .Where(s => s.CaseId == caseId && s.CreatedAt >= from && s.CreatedAt < until)
            .OrderByDescending(s => s.CreatedAt).Take(MaxPerKind)
            .Select(s => new CaseRecord(TimelineRecordKind.SubmissionFiled, s.CreatedAt, s.CreatedBy, null, null, null, s.Body, null, s.SubmittedOn, null))
            .ToListAsync(ct));

        records.AddRange(await DeadlinesAsync(db, caseId, from, until, ct));
        return records.OrderByDescending(r => r.At).ToList();
    }

    /// <summary>A deadline gives a line when it was created and another when it was done or dismissed.</summary>
    private static async Task<IEnumerable<CaseRecord>> DeadlinesAsync(AppDbContext db, Guid caseId, DateTimeOffset from, DateTimeOffset until, CancellationToken ct)
    {
        var russian = SupportedLanguages.CurrentIsRussian;
        var rows = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CaseId == caseId && ((d.CreatedAt >= from && d.CreatedAt < until) || (d.ClosedAt >= from && d.ClosedAt < until)))
            .OrderByDescending(d => d.CreatedAt).Take(MaxPerKind)
            .Select(d => new { d.Title, d.TitleRu, d.DueOn, d.Status, d.CreatedAt, d.CreatedBy, d.ClosedAt, d.ClosedBy })
            .ToListAsync(ct);

        var lines = new List<CaseRecord>();
        foreach (var d in rows)
        {
            var title = CaseDeadline.TitleIn(d.Title, d.TitleRu, russian);
            if (d.CreatedAt >= from && d.CreatedAt < until)
            {
                lines.Add(new CaseRecord(TimelineRecordKind.DeadlineCreated, d.CreatedAt, d.CreatedBy, Title: title, On: d.DueOn));
            }

            if (d.Status != DeadlineStatus.Open && d.ClosedAt is { } closed && closed >= from && closed < until)
            {
                var kind = d.Status == DeadlineStatus.Done ? TimelineRecordKind.DeadlineDone : TimelineRecordKind.DeadlineDismissed;
                lines.Add(new CaseRecord(kind, closed, d.ClosedBy ?? d.CreatedBy, Title: title, On: d.DueOn));
            }
        }

        return lines;
    }
}
