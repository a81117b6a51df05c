using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Privacy;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Privacy;

/// <summary>The retention schedule as typed: an empty field keeps that kind of record for ever.</summary>
public sealed class RetentionInput
{
    [Range(1, RetentionPolicy.MaxYears, ErrorMessage = "The period must be between {1} and {2}.")]
    public int? ClosedCaseYears { get; set; }

    [Range(1, RetentionPolicy.MaxMonths, ErrorMessage = "The period must be between {1} and {2}.")]
    public int? RejectedIntakeMonths { get; set; }

    [Range(1, RetentionPolicy.MaxDays, ErrorMessage = "The period must be between {1} and {2}.")]
    public int? DraftIntakeDays { get; set; }

    [Range(1, RetentionPolicy.MaxYears, ErrorMessage = "The period must be between {1} and {2}.")]
    public int? AuditYears { get; set; }

    public static RetentionInput From(RetentionPolicy p) => new()
    {
        ClosedCaseYears = p.ClosedCaseYears,
        RejectedIntakeMonths = p.RejectedIntakeMonths,
        DraftIntakeDays = p.DraftIntakeDays,
        AuditYears = p.AuditYears,
    };
}

/// <summary>Saves the schedule (administrators); the change is audited with the periods before and after.</summary>
public sealed class EditRetentionHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public async Task<FormOutcome> HandleAsync(RetentionInput input, FormErrors errors, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var policy = await db.RetentionPolicies.SingleAsync(cancellationToken);
        var before = RetentionInput.From(policy);
        if ((before.ClosedCaseYears, before.RejectedIntakeMonths, before.DraftIntakeDays, before.AuditYears)
            == (input.ClosedCaseYears, input.RejectedIntakeMonths, input.DraftIntakeDays, input.AuditYears))
        {
            return FormOutcome.Unchanged;
        }

        policy.Set(input.ClosedCaseYears, input.RejectedIntakeMonths, input.DraftIntakeDays, input.AuditYears, viewer.UserId, clock.GetUtcNow());
        await audit.RecordAsync(PrivacyAuditActions.RetentionChanged, "retention", null, new { before, after = input }, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return FormOutcome.Saved();
    }
}
