using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Deadlines;

public sealed class MoveDeadlineInput : OneDeadlineInput
{
    [Required(ErrorMessage = "Enter the new date.")]
    [Display(Name = "New date")]
    public DateOnly? NewDate { get; set; }

    [Required(ErrorMessage = "Say why the date moves.")]
    [StringLength(CaseDeadline.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }
}

public sealed class DoneDeadlineInput : OneDeadlineInput
{
    [Required(ErrorMessage = "Say what was filed or done.")]
    [StringLength(CaseDeadline.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "What was filed or done")]
    public string? Note { get; set; }
}

public sealed class DismissDeadlineInput : OneDeadlineInput
{
    [Required(ErrorMessage = "Say why the deadline is dismissed.")]
    [StringLength(CaseDeadline.TextMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }
}

/// <summary>
/// Moves an open deadline's date (only with a reason; a computed deadline keeps the date its rule
/// produced beside the new one), marks it done with what was filed, or dismisses it with a reason.
/// Each change is audited (old and new date, reason) and refused if someone changed the deadline since the form was read.
/// </summary>
public sealed class ChangeDeadlineHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock,
    ListCaseDeadlinesHandler deadlines, IStringLocalizer<SharedResource> l)
{
    public async Task<T?> LoadAsync<T>(Guid caseId, Guid deadlineId, Viewer viewer, CancellationToken ct = default)
        where T : OneDeadlineInput, new()
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        var item = c is null ? null : await deadlines.OneAsync(caseId, deadlineId, ct);
        if (c is null || item is null)
        {
            return null;
        }

        var version = await db.CaseDeadlines.AsNoTracking().Where(d => d.Id == deadlineId).Select(d => d.Version).FirstAsync(ct);
        var input = new T { Version = version, Deadline = item };
        if (input is MoveDeadlineInput move)
        {
            move.NewDate = item.DueOn;
        }

        input.Describe(c);
        return input;
    }

    public Task<FormOutcome> MoveAsync(Guid caseId, Guid deadlineId, MoveDeadlineInput input, Viewer viewer, FormErrors errors, CancellationToken ct = default) =>
        ChangeAsync(caseId, deadlineId, input, viewer, errors, d =>
        {
            if (input.NewDate == d.DueOn)
            {
                errors.Add(nameof(input.NewDate), l["The new date is the deadline's date already."]);
                return null;
            }

            var old = d.DueOn;
            d.DueOn = input.NewDate!.Value;
            d.OverrideReason = input.Reason!.Trim();
            return (DeadlineAuditActions.DeadlineMoved, new { deadlineId = d.Id, field = "DueOn", old, @new = d.DueOn, computedOn = d.ComputedOn, reason = d.OverrideReason });
        }, ct);

    public Task<FormOutcome> DoneAsync(Guid caseId, Guid deadlineId, DoneDeadlineInput input, Viewer viewer, FormErrors errors, CancellationToken ct = default) =>
        ChangeAsync(caseId, deadlineId, input, viewer, errors, d =>
        {
            Close(d, DeadlineStatus.Done, input.Note!, viewer);
            return (DeadlineAuditActions.DeadlineDone, new { deadlineId = d.Id, dueOn = d.DueOn, filed = d.ClosingNote });
        }, ct);

    public Task<FormOutcome> DismissAsync(Guid caseId, Guid deadlineId, DismissDeadlineInput input, Viewer viewer, FormErrors errors, CancellationToken ct = default) =>
        ChangeAsync(caseId, deadlineId, input, viewer, errors, d =>
        {
            Close(d, DeadlineStatus.Dismissed, input.Reason!, viewer);
            return (DeadlineAuditActions.DeadlineDismissed, new { deadlineId = d.Id, dueOn = d.DueOn, reason = d.ClosingNote });
        }, ct);

    private void Close(CaseDeadline d, DeadlineStatus status, string note, Viewer viewer)
    {
        d.Status = status;
        d.ClosingNote = note.Trim();
        d.ClosedBy = viewer.UserId;
        d.ClosedAt = clock.GetUtcNow();
    }

    /// <param name="change">Applies the change and returns the audit action and details, or null after adding a field error.</param>
    private async Task<FormOutcome> ChangeAsync(Guid caseId, Guid deadlineId, OneDeadlineInput input, Viewer viewer,
        FormErrors errors, Func<CaseDeadline, (string Action, object Details)?> change, CancellationToken ct)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        var deadline = c is null ? null : await db.CaseDeadlines.FirstOrDefaultAsync(d => d.Id == deadlineId && d.CaseId == caseId, ct);
        if (c is null || deadline is null)
        {
            return FormOutcome.NotFound;
        }

        input.Describe(c);
        input.Deadline = await deadlines.OneAsync(caseId, deadlineId, ct);
        if (errors.Has(nameof(input.Version)))
        {
            errors.Add("", l["This form is out of date. Open the deadline again from the case."]);
        }

        if (deadline.Status != DeadlineStatus.Open)
        {
            errors.Add("", l["This deadline is already closed: nothing was changed."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (deadline.Version != input.Version)
        {
            return Conflict(input, deadline.Version);
        }

        if (change(deadline) is not { } audited)
        {
            return FormOutcome.Invalid;
        }

        var saved = await VersionedSave.SaveAsync(db, deadline, input.Version,
            () => audit.RecordAsync(audited.Action, "case", caseId.ToString(), audited.Details, cancellationToken: ct), ct);
        if (!saved)
        {
            input.Deadline = await deadlines.OneAsync(caseId, deadlineId, ct);
            var current = await db.CaseDeadlines.AsNoTracking().Where(d => d.Id == deadlineId).Select(d => d.Version).FirstOrDefaultAsync(ct);
            return Conflict(input, current);
        }

        return FormOutcome.Saved();
    }

    /// <summary>Someone else changed the deadline: show it as stored now, keep what the user typed, and take the stored version.</summary>
    private FormOutcome Conflict(OneDeadlineInput input, uint current)
    {
        input.Version = current;
        return FormOutcome.Conflict(l["Someone else changed this deadline while you were working on it. It is shown as it is now and nothing was overwritten. Your entries are kept: save again to go ahead."], nameof(input.Version));
    }
}
