using MigrantAid.Web.Domain.Proceedings;

namespace MigrantAid.Web.Domain.Deadlines;

/// <summary>
/// A trigger event that happened on a case, e.g. the copy of a decision received on a date.
/// <see cref="Forum"/> is the court's country code or the international body's code.
/// </summary>
public sealed record DeadlineTrigger(
    Guid CaseId,
    TriggerEvent Event,
    string Forum,
    DateOnly Date,
    string SourceType,
    Guid SourceId,
    ProceedingType? ProceedingType = null,
    CourtInstance? Instance = null);

/// <summary>
/// Turns trigger events into computed deadlines on the case. Implementations add the new or changed
/// <see cref="CaseDeadline"/> rows to the context without saving, so the caller saves them in the same
/// transaction as the decision or submission that triggered them. Recording the same source and event
/// again (a corrected date) updates the deadlines it created earlier instead of adding new ones.
/// </summary>
public interface IDeadlineTriggers
{
    Task<IReadOnlyList<CaseDeadline>> RecordAsync(DeadlineTrigger trigger, Guid actorId, CancellationToken ct);

    /// <summary>
    /// A trigger date that was cleared (entered by mistake) starts no clock: the open deadlines that source
    /// and event computed are dismissed with a note saying why, in the caller's unit of work. Deadlines
    /// already done stay as history. Returns how many were withdrawn.
    /// </summary>
    Task<int> WithdrawAsync(Guid caseId, TriggerEvent trigger, string sourceType, Guid sourceId, Guid actorId, CancellationToken ct);
}
