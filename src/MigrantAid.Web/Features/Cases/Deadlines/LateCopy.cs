using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Cases.Deadlines;

/// <summary>
/// After a decision's dates change: when the copy arrived with a period counted from the final form nearly or wholly
/// gone (<see cref="DecisionClocks.LateCopies"/>), records the event "copy received too late" on the receipt date, so
/// the rules for the application to restore the missed period compute their deadline; when it no longer is late (a
/// corrected date), withdraws that deadline. Adds to the caller's unit of work, like <see cref="IDeadlineTriggers"/>.
/// </summary>
public sealed class LateCopyHandler(AppDbContext db, IDeadlineTriggers triggers)
{
    public const string SourceType = "decision";

    /// <returns>How many restoration deadlines were created or updated (0 when the copy was in time).</returns>
    public async Task<int> ReviewAsync(CourtDecision decision, CourtProceeding proceeding, Guid actorId, CancellationToken ct)
    {
        var late = await LateAsync(decision, proceeding, ct);
        if (late.Count == 0 || decision.ReceivedOn is not { } received)
        {
            await triggers.WithdrawAsync(decision.CaseId, TriggerEvent.CopyReceivedTooLate, SourceType, decision.Id, actorId, ct);
            return 0;
        }

        var trigger = new DeadlineTrigger(decision.CaseId, TriggerEvent.CopyReceivedTooLate, proceeding.Jurisdiction, received,
            SourceType, decision.Id, proceeding.Type, proceeding.Instance);
        return (await triggers.RecordAsync(trigger, actorId, ct)).Count;
    }

    /// <summary>The periods the copy's receipt left nearly or wholly gone, computed with the forum's calendar.</summary>
    public async Task<IReadOnlyList<LateCopy>> LateAsync(CourtDecision decision, CourtProceeding proceeding, CancellationToken ct)
    {
        if (decision.ReceivedOn is not { } received || decision.FinalFormOn is not { } finalForm)
        {
            return [];
        }

        var court = new RuleCourt(proceeding.Jurisdiction, proceeding.Type, proceeding.Instance);
        var rules = await db.DeadlineRules.AsNoTracking()
            .Where(r => r.IsActive && r.Forum == court.Forum && r.Trigger == TriggerEvent.DecisionInFinalForm)
            .ToListAsync(ct);
        if (rules.Count == 0)
        {
            return [];
        }

        var from = finalForm < received ? finalForm : received;
        var latestEnd = rules.Max(r => CountryCalendars.LatestEnd(finalForm, r.Period, r.Unit));
        var calendar = await CountryCalendars.ForForumAsync(db, court.Forum, from, latestEnd > received ? latestEnd : received, ct);
        return DecisionClocks.LateCopies(new DecisionDates(decision.DecidedOn, finalForm, received), court, rules, calendar);
    }
}
