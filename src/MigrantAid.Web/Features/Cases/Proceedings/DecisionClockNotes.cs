using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases.Deadlines;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>A rule that waits for a date of the decision (<see cref="DecisionClocks.Waiting"/>), with what the page says of it.</summary>
public sealed record WaitingNote(TriggerEvent Awaits, string Name, string? NameRu, int Period, PeriodUnit Unit, string? LegalBasis, string? LegalBasisRu);

/// <summary>The open deadline of the application to restore a period the late copy left (nearly) gone.</summary>
public sealed record RestorationNote(Guid DeadlineId, DateOnly DueOn, DateOnly? ReceivedOn, string Name, string? NameRu, string? LegalBasis, string? LegalBasisRu);

/// <summary>What the case page says under a decision about its clocks.</summary>
public sealed record DecisionClockNotes(IReadOnlyList<WaitingNote> Waiting, IReadOnlyList<RestorationNote> Restorations)
{
    public static DecisionClockNotes None { get; } = new([], []);
}

/// <summary>
/// Reads, for the decisions on a case page, the rules that wait for one of their dates and the restoration deadlines a
/// late copy started: two small reads (the active decision rules of the case's countries, and the case's open
/// restoration deadlines), the matching done by <see cref="DecisionClocks"/>.
/// </summary>
public static class DecisionClockReader
{
    public static async Task<IReadOnlyDictionary<Guid, DecisionClockNotes>> ReadAsync(
        AppDbContext db, Guid caseId, IReadOnlyList<CourtProceeding> proceedings, IReadOnlyList<CourtDecision> decisions, CancellationToken ct)
    {
        if (decisions.Count == 0)
        {
            return new Dictionary<Guid, DecisionClockNotes>();
        }

        var forums = proceedings.Select(p => p.Jurisdiction).Distinct().ToList();
        var events = DecisionClocks.DecisionEvents.ToList();
        var rules = await db.DeadlineRules.AsNoTracking()
            .Where(r => r.IsActive && forums.Contains(r.Forum) && events.Contains(r.Trigger))
            .ToListAsync(ct);
        var restorations = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.CaseId == caseId && d.SourceType == LateCopyHandler.SourceType && d.Trigger == TriggerEvent.CopyReceivedTooLate
                && d.Status == DeadlineStatus.Open)
            .Select(d => new
            {
                d.Id,
                d.SourceId,
                d.DueOn,
                d.TriggerDate,
                d.Title,
                d.TitleRu,
                Rule = db.DeadlineRules.Where(r => r.Id == d.RuleId).Select(r => new { r.LegalBasis, r.LegalBasisRu }).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var byProceeding = proceedings.ToDictionary(p => p.Id);
        var notes = new Dictionary<Guid, DecisionClockNotes>();
        foreach (var decision in decisions)
        {
            var p = byProceeding.GetValueOrDefault(decision.ProceedingId);
            var waiting = p is null ? [] : DecisionClocks.Waiting(
                    new DecisionDates(decision.DecidedOn, decision.FinalFormOn, decision.ReceivedOn), new RuleCourt(p.Jurisdiction, p.Type, p.Instance), rules)
                .Select(w => new WaitingNote(w.Awaits, w.Rule.Name, w.Rule.NameRu, w.Rule.Period, w.Rule.Unit, w.Rule.LegalBasis, w.Rule.LegalBasisRu))
                .ToList();
            var restoring = restorations.Where(r => r.SourceId == decision.Id).OrderBy(r => r.DueOn)
                .Select(r => new RestorationNote(r.Id, r.DueOn, r.TriggerDate, r.Title, r.TitleRu, r.Rule?.LegalBasis, r.Rule?.LegalBasisRu))
                .ToList();
            notes[decision.Id] = waiting.Count == 0 && restoring.Count == 0 ? DecisionClockNotes.None : new DecisionClockNotes(waiting, restoring);
        }

        return notes;
    }
}
