using System.Globalization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.DeadlineRules;

/// <summary>
/// Adds a rule. A rule an administrator writes is the organisation's own, so it is not marked
/// "needs verification" (only the shipped examples are). Audited with every field.
/// </summary>
public sealed class CreateDeadlineRuleHandler(AppDbContext db, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<FormOutcome> HandleAsync(RuleInput input, FormErrors errors, CancellationToken ct = default)
    {
        input.Check(errors, l);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var rule = new DeadlineRule { IsActive = true };
        input.CopyTo(rule);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.DeadlineRules.Add(rule);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(DeadlineAuditActions.RuleCreated, "deadline-rule", rule.Id.ToString(CultureInfo.InvariantCulture),
            new { changes = RuleAudit.Changes(new DeadlineRule { Name = "", Forum = "", Procedure = "" }, rule) }, cancellationToken: ct);
        await transaction.CommitAsync(ct);
        return FormOutcome.Saved();
    }
}
