using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.DeadlineRules;

/// <summary>
/// Edits a rule under optimistic concurrency (xmin): an administrator never silently overwrites
/// another's save. Also retires and restores rules, and records the lawyers' confirmation of a shipped
/// example. Every change is audited with old and new values. Deadlines already computed keep their dates.
/// </summary>
public sealed class EditDeadlineRuleHandler(AppDbContext db, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<EditRuleInput?> LoadAsync(int id, CancellationToken ct = default)
    {
        var rule = await db.DeadlineRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return null;
        }

        var input = new EditRuleInput();
        input.CopyFrom(rule);
        Describe(input, rule);
        input.Version = rule.Version;
        return input;
    }

    public async Task<FormOutcome> SaveAsync(int id, EditRuleInput input, FormErrors errors, CancellationToken ct = default)
    {
        var rule = await db.DeadlineRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return FormOutcome.NotFound;
        }

        Describe(input, rule);
        if (errors.Has(nameof(input.Version)))
        {
            // The hidden field is not something the user typed: say so instead of an invisible field error.
            errors.AddToForm(l["This form is out of date. Open the rule again from the list."]);
        }

        input.Check(errors, l);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (rule.Version != input.Version)
        {
            return Conflict(input, rule);
        }

        var before = RuleAudit.Copy(rule);
        input.CopyTo(rule);
        var changes = RuleAudit.Changes(before, rule);
        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        db.Entry(rule).Property(r => r.Version).OriginalValue = input.Version;
        if (!await SaveAsync(rule, DeadlineAuditActions.RuleUpdated, changes, ct))
        {
            var current = await db.DeadlineRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
            return current is null ? FormOutcome.NotFound : Conflict(input, current);
        }

        return FormOutcome.Saved();
    }

    public Task<FormOutcome> SetActiveAsync(int id, bool active, CancellationToken ct = default) =>
        ChangeFlagAsync(id, r => r.IsActive == active, r => r.IsActive = active, DeadlineAuditActions.RuleUpdated, ct);

    /// <summary>The organisation's lawyers confirmed the rule for their jurisdiction: its deadlines stop carrying the warning.</summary>
    public Task<FormOutcome> ConfirmAsync(int id, CancellationToken ct = default) =>
        ChangeFlagAsync(id, r => !r.NeedsVerification, r => r.NeedsVerification = false, DeadlineAuditActions.RuleConfirmed, ct);

    /// <summary>Retires, restores or confirms a rule: Saved, Unchanged (already so), NotFound, or Conflict when someone saved in between.</summary>
    private async Task<FormOutcome> ChangeFlagAsync(int id, Func<DeadlineRule, bool> already, Action<DeadlineRule> change, string action, CancellationToken ct)
    {
        var rule = await db.DeadlineRules.FirstOrDefaultAsync(r => r.Id == id, ct);
        if (rule is null)
        {
            return FormOutcome.NotFound;
        }

        if (already(rule))
        {
            return FormOutcome.Unchanged;
        }

        var before = RuleAudit.Copy(rule);
        change(rule);
        return await SaveAsync(rule, action, RuleAudit.Changes(before, rule), ct)
            ? FormOutcome.Saved()
            : FormOutcome.Conflict(l["Someone else changed the rule at the same time: nothing was changed. Try again."]);
    }

    private Task<bool> SaveAsync(DeadlineRule rule, string action, List<object> changes, CancellationToken ct) =>
        VersionedSave.SaveAsync(db, () => audit.RecordAsync(action, "deadline-rule", rule.Id.ToString(CultureInfo.InvariantCulture), new { changes }, cancellationToken: ct), ct);

    /// <summary>Someone else saved: show the stored rule beside the form, keep the typed values, and take the stored version.</summary>
    private FormOutcome Conflict(EditRuleInput input, DeadlineRule current)
    {
        var stored = new RuleInput();
        stored.CopyFrom(current);
        input.Current = stored;
        input.Version = current.Version;
        Describe(input, current);
        return FormOutcome.Conflict(l["Someone else saved this rule while you were editing it. The rule as it is now is shown below and nothing was overwritten. Your entries are kept: save again to replace it with yours."], nameof(input.Version));
    }

    private static void Describe(EditRuleInput input, DeadlineRule rule)
    {
        input.Id = rule.Id;
        input.IsActive = rule.IsActive;
        input.NeedsVerification = rule.NeedsVerification;
    }
}
