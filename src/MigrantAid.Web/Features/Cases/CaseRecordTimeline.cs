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
/// Reads the records of a case's legal work that fall in a timeline page's window, in one statement (a
/// <c>UNION ALL</c> of one branch per table, issue 14). The caller (the case page) has already loaded the case through
/// its access check; this only reads by case id.
/// </summary>
public static class CaseRecordTimeline
{

    public static async Task<IReadOnlyList<CaseRecord>> ReadAsync(AppDbContext db, Guid caseId, TimelineWindow w, CancellationToken ct = default)
    {
        var rows = await Union(db, caseId, w.From, w.Until).ToListAsync(ct);
        var russian = SupportedLanguages.CurrentIsRussian;
        return rows.SelectMany(r => r.Kind == TimelineRecordKind.DeadlineCreated ? DeadlineLines(r, w, russian) : [r.Record()])
            .OrderByDescending(r => r.At).ToList();
    }

    /// <summary>
    /// One branch per table, each cut to the 200 newest in the window before the union (far above real work, it keeps a
    /// pathological page bounded; written as a number, not a parameter, so that the page's generic plan reads no more
    /// than a custom one, see ADR 0025) (SQL, not LINQ:
    /// EF merges the branches' equal NULL columns into one and PostgreSQL then refuses the union's types).
    /// A deadline gives one row, with what <see cref="DeadlineLines"/> needs for its created and closed lines.
    /// </summary>
    private static IQueryable<RecordRow> Union(AppDbContext db, Guid caseId, DateTimeOffset from, DateTimeOffset until) => db.Database.SqlQuery<RecordRow>($"""
        (SELECT 0 AS "Kind", p.created_at AS "At", p.created_by AS "ActorId", p.court AS "Court", p.instance AS "Instance", NULL::integer AS "Outcome",
                NULL::integer AS "Body", NULL::text AS "Title", NULL::text AS "TitleRu", p.opened_on AS "On", NULL::timestamptz AS "StartsAt",
                NULL::integer AS "Status", NULL::timestamptz AS "ClosedAt", NULL::uuid AS "ClosedBy"
         FROM court_proceedings p WHERE p.case_id = {caseId} AND p.created_at >= {from} AND p.created_at < {until}
         ORDER BY p.created_at DESC LIMIT 200)
        UNION ALL
        (SELECT 1, h.created_at, h.created_by, p.court, NULL, NULL, NULL, NULL, NULL, NULL, h.starts_at, NULL, NULL, NULL
         FROM (SELECT * FROM hearings h WHERE h.case_id = {caseId} AND h.created_at >= {from} AND h.created_at < {until}
               ORDER BY h.created_at DESC LIMIT 200) h
         JOIN court_proceedings p ON p.id = h.proceeding_id)
        UNION ALL
        (SELECT 2, d.created_at, d.created_by, p.court, NULL, d.outcome, NULL, NULL, NULL, d.decided_on, NULL, NULL, NULL, NULL
         FROM (SELECT * FROM court_decisions d WHERE d.case_id = {caseId} AND d.created_at >= {from} AND d.created_at < {until}
               ORDER BY d.created_at DESC LIMIT 200) d
         JOIN court_proceedings p ON p.id = d.proceeding_id)
        UNION ALL
        (SELECT 3, s.created_at, s.created_by, NULL, NULL, NULL, s.body, NULL, NULL, s.submitted_on, NULL, NULL, NULL, NULL
         FROM international_submissions s WHERE s.case_id = {caseId} AND s.created_at >= {from} AND s.created_at < {until}
         ORDER BY s.created_at DESC LIMIT 200)
        UNION ALL
        (SELECT 4, d.created_at, d.created_by, NULL, NULL, NULL, NULL, d.title, d.title_ru, d.due_on, NULL, d.status, d.closed_at, d.closed_by
         FROM case_deadlines d WHERE d.case_id = {caseId}
           AND ((d.created_at >= {from} AND d.created_at < {until}) OR (d.closed_at >= {from} AND d.closed_at < {until}))
         ORDER BY d.created_at DESC LIMIT 200)
        """);

    /// <summary>A deadline gives a line when it was created and another when it was done or dismissed.</summary>
    private static IEnumerable<CaseRecord> DeadlineLines(RecordRow d, TimelineWindow w, bool russian)
    {
        var title = CaseDeadline.TitleIn(d.Title ?? "", d.TitleRu, russian);
        if (d.At >= w.From && d.At < w.Until)
        {
            yield return new CaseRecord(TimelineRecordKind.DeadlineCreated, d.At, d.ActorId, Title: title, On: d.On);
        }

        if (d.Status is { } status && status != DeadlineStatus.Open && d.ClosedAt is { } closed && closed >= w.From && closed < w.Until)
        {
            var kind = status == DeadlineStatus.Done ? TimelineRecordKind.DeadlineDone : TimelineRecordKind.DeadlineDismissed;
            yield return new CaseRecord(kind, closed, d.ClosedBy ?? d.ActorId, Title: title, On: d.On);
        }
    }

    /// <summary>One row of the union: the columns every branch fills (null where a table has no such fact).</summary>
    private sealed class RecordRow
    {
        public TimelineRecordKind Kind { get; init; }

        public DateTimeOffset At { get; init; }

        public Guid ActorId { get; init; }

        public string? Court { get; init; }

        public CourtInstance? Instance { get; init; }

        public DecisionOutcome? Outcome { get; init; }

        public InternationalBody? Body { get; init; }

        public string? Title { get; init; }

        public string? TitleRu { get; init; }

        public DateOnly? On { get; init; }

        public DateTimeOffset? StartsAt { get; init; }

        public DeadlineStatus? Status { get; init; }

        public DateTimeOffset? ClosedAt { get; init; }

        public Guid? ClosedBy { get; init; }

        public CaseRecord Record() => new(Kind, At, ActorId, Court, Instance, Outcome, Body, Title, On, StartsAt);
    }
}
