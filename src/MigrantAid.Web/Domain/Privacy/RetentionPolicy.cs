namespace MigrantAid.Web.Domain.Privacy;

/// <summary>
/// The organisation's retention schedule (issue 15): how long each kind of record is kept before the daily run
/// anonymises it (audit entries are removed). A null period keeps that kind for ever. One row.
/// </summary>
public class RetentionPolicy
{
    public const int SingletonId = 1;
    public const int MaxYears = 100;
    public const int MaxMonths = 1200;
    public const int MaxDays = 36500;

    public int Id { get; private set; } = SingletonId;

    /// <summary>Closed cases are anonymised this many years after their closing date.</summary>
    public int? ClosedCaseYears { get; private set; }

    /// <summary>Rejected intakes are anonymised this many months after the decision.</summary>
    public int? RejectedIntakeMonths { get; private set; }

    /// <summary>Draft intakes never submitted are anonymised this many days after their last change.</summary>
    public int? DraftIntakeDays { get; private set; }

    /// <summary>Audit entries are removed this many years after they were written.</summary>
    public int? AuditYears { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public bool KeepsEverything => ClosedCaseYears is null && RejectedIntakeMonths is null && DraftIntakeDays is null && AuditYears is null;

    public void Set(int? closedCaseYears, int? rejectedIntakeMonths, int? draftIntakeDays, int? auditYears, Guid by, DateTimeOffset now)
    {
        ClosedCaseYears = closedCaseYears;
        RejectedIntakeMonths = rejectedIntakeMonths;
        DraftIntakeDays = draftIntakeDays;
        AuditYears = auditYears;
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>
    /// When the daily run starts applying the schedule by itself: <paramref name="grace"/> after it was last saved, so
    /// that a mistake (a year typed for a month) can be put right before anything is anonymised. Null when it applies
    /// already or there is nothing to apply. "Run now" applies it at once, after its preview.
    /// </summary>
    public DateTimeOffset? AutomaticFrom(DateTimeOffset now, TimeSpan grace) =>
        !KeepsEverything && UpdatedAt is { } saved && now < saved + grace ? saved + grace : null;

    /// <summary>True when the daily run applies the schedule by itself: one is set and its grace has passed.</summary>
    public bool AppliesByItself(DateTimeOffset now, TimeSpan grace) => !KeepsEverything && AutomaticFrom(now, grace) is null;

    /// <summary>The instants before which each kind is due on <paramref name="asOf"/> (null: kept).</summary>
    public RetentionCutoffs CutoffsAt(DateTimeOffset asOf) => new(
        ClosedCaseYears is { } y ? DateOnly.FromDateTime(asOf.UtcDateTime).AddYears(-y) : null,
        RejectedIntakeMonths is { } m ? asOf.AddMonths(-m) : null,
        DraftIntakeDays is { } d ? asOf.AddDays(-d) : null,
        AuditYears is { } a ? asOf.AddYears(-a) : null);
}

/// <summary>
/// What is due: cases closed before <see cref="ClosedBefore"/>, intakes rejected before <see cref="RejectedBefore"/>,
/// drafts last changed before <see cref="DraftChangedBefore"/>, audit entries written before <see cref="AuditBefore"/>.
/// </summary>
public sealed record RetentionCutoffs(DateOnly? ClosedBefore, DateTimeOffset? RejectedBefore, DateTimeOffset? DraftChangedBefore, DateTimeOffset? AuditBefore)
{
    /// <summary>Nothing due: a daily run within a new schedule's grace carries out only the waiting requests to be forgotten.</summary>
    public static readonly RetentionCutoffs KeepAll = new(null, null, null, null);
}
