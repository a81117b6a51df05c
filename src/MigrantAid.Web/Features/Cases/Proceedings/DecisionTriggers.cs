using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases.Deadlines;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>A decision's trigger dates as they were before a save (none for a decision recorded now).</summary>
internal readonly record struct TriggerDates(DateOnly? ReceivedOn, DateOnly? FinalFormOn)
{
    public static TriggerDates Of(CourtDecision? decision) => new(decision?.ReceivedOn, decision?.FinalFormOn);
}

/// <summary>
/// The deadlines a decision's dates start: the date the copy was received and the date of the final form are trigger
/// events. A date recorded again unchanged starts no new clock; a corrected one moves the deadlines it set; a date
/// cleared (entered by mistake) withdraws them; a copy that came late starts the application to restore the period.
/// </summary>
internal sealed class DecisionTriggers(IDeadlineTriggers triggers, LateCopyHandler lateCopy)
{
    /// <returns>How many deadlines were created or moved; null when no trigger date was set or corrected.</returns>
    public async Task<int?> FollowAsync(CourtDecision decision, TriggerDates before, CourtProceeding proceeding, Guid userId, CancellationToken cancellationToken)
    {
        var receivedChanged = decision.ReceivedOn is not null && decision.ReceivedOn != before.ReceivedOn;
        var finalFormChanged = decision.FinalFormOn is not null && decision.FinalFormOn != before.FinalFormOn;
        var receivedCleared = decision.ReceivedOn is null && before.ReceivedOn is not null;
        var finalFormCleared = decision.FinalFormOn is null && before.FinalFormOn is not null;
        int? deadlines = null;
        if (receivedChanged)
        {
            deadlines = (deadlines ?? 0) + await RecordAsync(decision, TriggerEvent.DecisionReceived, decision.ReceivedOn!.Value, proceeding, userId, cancellationToken);
        }

        if (finalFormChanged)
        {
            deadlines = (deadlines ?? 0) + await RecordAsync(decision, TriggerEvent.DecisionInFinalForm, decision.FinalFormOn!.Value, proceeding, userId, cancellationToken);
        }

        if (receivedCleared)
        {
            await triggers.WithdrawAsync(decision.CaseId, TriggerEvent.DecisionReceived, "decision", decision.Id, userId, cancellationToken);
        }

        if (finalFormCleared)
        {
            await triggers.WithdrawAsync(decision.CaseId, TriggerEvent.DecisionInFinalForm, "decision", decision.Id, userId, cancellationToken);
        }

        // A copy that came with the period (counted from the final form) nearly or wholly gone: the application to restore it.
        if (receivedChanged || finalFormChanged || receivedCleared || finalFormCleared)
        {
            deadlines += await lateCopy.ReviewAsync(decision, proceeding, userId, cancellationToken);
        }

        return deadlines;
    }

    private async Task<int> RecordAsync(CourtDecision decision, TriggerEvent trigger, DateOnly date, CourtProceeding proceeding, Guid userId, CancellationToken cancellationToken) =>
        (await triggers.RecordAsync(new DeadlineTrigger(decision.CaseId, trigger, proceeding.Jurisdiction, date, "decision", decision.Id, proceeding.Type, proceeding.Instance),
            userId, cancellationToken)).Count;
}
