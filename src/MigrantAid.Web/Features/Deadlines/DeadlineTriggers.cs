using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Features.Deadlines;

/// <summary>Creates the deadlines of every active rule that matches a trigger (first version: plain date arithmetic).</summary>
public sealed class DeadlineTriggers(AppDbContext db, TimeProvider clock) : IDeadlineTriggers
{
    public async Task<IReadOnlyList<CaseDeadline>> RecordAsync(DeadlineTrigger trigger, Guid actorId, CancellationToken ct)
    {
        var rules = await db.Set<DeadlineRule>()
            .Where(r => r.IsActive && r.Forum == trigger.Forum && r.Trigger == trigger.Event)
            .Where(r => r.ProceedingType == null || r.ProceedingType == trigger.ProceedingType)
            .Where(r => r.Instance == null || r.Instance == trigger.Instance)
            .ToListAsync(ct);
        var created = new List<CaseDeadline>();
        foreach (var rule in rules)
        {
            var due = rule.Unit switch
            {
                PeriodUnit.Months => trigger.Date.AddMonths(rule.Period),
                PeriodUnit.Years => trigger.Date.AddYears(rule.Period),
                _ => trigger.Date.AddDays(rule.Period),
            };
            var deadline = new CaseDeadline(trigger.CaseId, DeadlineKind.Computed, rule.Name, due, actorId, clock.GetUtcNow())
            {
                ComputedOn = due,
                RuleId = rule.Id,
                Trigger = trigger.Event,
                TriggerDate = trigger.Date,
                SourceType = trigger.SourceType,
                SourceId = trigger.SourceId,
            };
            db.Add(deadline);
            created.Add(deadline);
        }

        return created;
    }
}
