using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// Turns a trigger event into the deadlines of every active rule that matches it (forum, event, and the
/// rule's optional procedure type and instance), computed with the forum's calendar of non-working days
/// (<see cref="DeadlineCalculator"/>), with the arithmetic kept on each deadline.
/// One deadline per source and rule: recording the same source again (a corrected date) recomputes the
/// open deadline instead of adding one. A date a lawyer moved stays where they put it; only the computed
/// date and its arithmetic follow the correction. Done and dismissed deadlines are history and stay as they are.
/// </summary>
public sealed class DeadlineTriggers(AppDbContext db, TimeProvider clock) : IDeadlineTriggers
{
    public async Task<IReadOnlyList<CaseDeadline>> RecordAsync(DeadlineTrigger trigger, Guid actorId, CancellationToken ct)
    {
        var rules = await db.DeadlineRules.AsNoTracking()
            .Where(r => r.IsActive && r.Forum == trigger.Forum && r.Trigger == trigger.Event)
            .Where(r => r.ProceedingType == null || r.ProceedingType == trigger.ProceedingType)
            .Where(r => r.Instance == null || r.Instance == trigger.Instance)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        if (rules.Count == 0)
        {
            return [];
        }

        var latestEnd = rules.Max(r => CountryCalendars.LatestEnd(trigger.Date, r.Period, r.Unit));
        var calendar = await CountryCalendars.ForForumAsync(db, trigger.Forum, trigger.Date, latestEnd, ct);
        var earlier = await EarlierAsync(trigger, rules.Select(r => r.Id).ToList(), ct);
        var now = clock.GetUtcNow();
        var recorded = new List<CaseDeadline>();
        foreach (var rule in rules)
        {
            var arithmetic = DeadlineCalculator.Compute(trigger.Date, rule.Period, rule.Unit, calendar);
            if (earlier.TryGetValue(rule.Id, out var existing))
            {
                if (Recompute(existing, rule, trigger, arithmetic))
                {
                    recorded.Add(existing);
                }

                continue;
            }

            var deadline = new CaseDeadline(trigger.CaseId, DeadlineKind.Computed, Truncate(rule.Name), arithmetic.DueOn, actorId, now)
            {
                ComputedOn = arithmetic.DueOn,
                TitleRu = TruncateOrNull(rule.NameRu),
                RuleId = rule.Id,
                Trigger = trigger.Event,
                TriggerDate = trigger.Date,
                SourceType = trigger.SourceType,
                SourceId = trigger.SourceId,
                Arithmetic = arithmetic.ToJson(),
                Status = DeadlineStatus.Open,
            };
            db.CaseDeadlines.Add(deadline);
            recorded.Add(deadline);
        }

        return recorded;
    }

    /// <summary>
    /// Brings a deadline the rule made earlier up to this event; false when it is no longer open (done or dismissed
    /// by hand). A deadline withdrawn because its date was cleared comes back when the date is entered again.
    /// </summary>
    private static bool Recompute(CaseDeadline existing, DeadlineRule rule, DeadlineTrigger trigger, DeadlineArithmetic arithmetic)
    {
        if (existing.Status == DeadlineStatus.Dismissed && existing.ClosingNote == WithdrawnNote)
        {
            existing.Status = DeadlineStatus.Open;
            existing.ClosingNote = null;
            existing.ClosedBy = null;
            existing.ClosedAt = null;
        }

        if (existing.Status != DeadlineStatus.Open)
        {
            return false;
        }

        if (existing.OverrideReason is null)
        {
            existing.DueOn = arithmetic.DueOn;
        }

        existing.ComputedOn = arithmetic.DueOn;
        existing.TitleRu = TruncateOrNull(rule.NameRu);
        existing.Trigger = trigger.Event;
        existing.TriggerDate = trigger.Date;
        existing.Arithmetic = arithmetic.ToJson();
        return true;
    }

    /// <summary>The closing note of a deadline withdrawn because the date that started it was cleared (shown translated).</summary>
    public const string WithdrawnNote = "Withdrawn: the date that started it was cleared.";

    /// <summary>The closing note of the UN follow-up's deadlines still open when the follow-up is closed (shown translated).</summary>
    public const string FollowUpClosedNote = "The follow-up was closed.";

    /// <summary>Closing notes the portal writes itself: they are resource keys, shown in the reader's language.</summary>
    public static bool IsPortalNote(string? note) => note is WithdrawnNote or FollowUpClosedNote;

    public async Task<int> WithdrawAsync(Guid caseId, TriggerEvent trigger, string sourceType, Guid sourceId, Guid actorId, CancellationToken ct)
    {
        var open = await db.CaseDeadlines
            .Where(d => d.CaseId == caseId && d.SourceType == sourceType && d.SourceId == sourceId && d.Trigger == trigger
                && d.Kind == DeadlineKind.Computed && d.Status == DeadlineStatus.Open)
            .ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var deadline in open)
        {
            deadline.Status = DeadlineStatus.Dismissed;
            deadline.ClosingNote = WithdrawnNote;
            deadline.ClosedBy = actorId;
            deadline.ClosedAt = now;
        }

        return open.Count;
    }

    /// <summary>The deadlines this source already produced per rule: stored ones, and ones added earlier in this unit of work.</summary>
    private async Task<Dictionary<int, CaseDeadline>> EarlierAsync(DeadlineTrigger trigger, List<int> ruleIds, CancellationToken ct)
    {
        var stored = await db.CaseDeadlines
            .Where(d => d.CaseId == trigger.CaseId && d.SourceType == trigger.SourceType && d.SourceId == trigger.SourceId
                && d.RuleId != null && ruleIds.Contains(d.RuleId.Value))
            .ToListAsync(ct);
        var pending = db.ChangeTracker.Entries<CaseDeadline>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .Where(d => d.CaseId == trigger.CaseId && d.SourceType == trigger.SourceType && d.SourceId == trigger.SourceId
                && d.RuleId is { } id && ruleIds.Contains(id));
        var byRule = new Dictionary<int, CaseDeadline>();

        // Should two rows exist for one rule (recorded before this version), the open one is the one to update.
        foreach (var d in stored.Concat(pending).OrderBy(d => d.Status == DeadlineStatus.Open ? 1 : 0))
        {
            byRule[d.RuleId!.Value] = d;
        }

        return byRule;
    }

    private static string? TruncateOrNull(string? name) => string.IsNullOrWhiteSpace(name) ? null : Truncate(name);

    private static string Truncate(string name) => name.Length <= CaseDeadline.TitleMaxLength ? name : name[..CaseDeadline.TitleMaxLength];
}
