using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Deadlines;

/// <summary>A date entered by hand.</summary>
public class ManualDeadlineInput : DeadlineFormInput
{
    [Required(ErrorMessage = "Say what is due.")]
    [StringLength(CaseDeadline.TitleMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "What is due")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Enter the due date.")]
    [Display(Name = "Due on")]
    public DateOnly? DueOn { get; set; }
}

/// <summary>A piece of work for one of the case's people.</summary>
public sealed class TaskInput : ManualDeadlineInput
{
    [Required(ErrorMessage = "Choose who does it.")]
    [Display(Name = "Assigned to")]
    public Guid? AssigneeId { get; set; }

    [BindNever]
    [ValidateNever]
    public IReadOnlyList<StaffOption> Assignees { get; set; } = [];
}

/// <summary>Adds a manual deadline or a task to a case. A task goes to the case's caseworker or one of its lawyers.</summary>
public sealed class AddDeadlineHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock,
    ListCaseDeadlinesHandler deadlines, IStringLocalizer<SharedResource> l)
{
    public async Task<ManualDeadlineInput?> NewManualAsync(Guid caseId, Viewer viewer, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var input = new ManualDeadlineInput();
        input.Describe(c);
        return input;
    }

    public async Task<TaskInput?> NewTaskAsync(Guid caseId, Viewer viewer, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return null;
        }

        var input = new TaskInput { Assignees = await AssigneesAsync(c, ct) };
        input.Describe(c);
        return input;
    }

    public async Task<FormOutcome> AddManualAsync(Guid caseId, ManualDeadlineInput input, Viewer viewer, FormErrors errors, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return FormOutcome.NotFound;
        }

        input.Describe(c);
        await CheckDueDateAsync(input, viewer, errors, ct);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var deadline = new CaseDeadline(caseId, DeadlineKind.Manual, input.Title!.Trim(), input.DueOn!.Value, viewer.UserId, clock.GetUtcNow());
        db.CaseDeadlines.Add(deadline);
        await SaveAsync(DeadlineAuditActions.DeadlineAdded, deadline, ct);
        return FormOutcome.Saved();
    }

    public async Task<FormOutcome> AddTaskAsync(Guid caseId, TaskInput input, Viewer viewer, FormErrors errors, CancellationToken ct = default)
    {
        var c = await DeadlineGate.CaseAsync(db, authorization, viewer, caseId, ct);
        if (c is null)
        {
            return FormOutcome.NotFound;
        }

        input.Describe(c);
        input.Assignees = await AssigneesAsync(c, ct);
        await CheckDueDateAsync(input, viewer, errors, ct);
        if (input.AssigneeId is { } assignee && input.Assignees.All(a => a.Id != assignee))
        {
            errors.Add(nameof(input.AssigneeId), l["Choose one of the case's people."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var deadline = new CaseDeadline(caseId, DeadlineKind.Task, input.Title!.Trim(), input.DueOn!.Value, viewer.UserId, clock.GetUtcNow())
        {
            AssigneeId = input.AssigneeId,
        };
        db.CaseDeadlines.Add(deadline);
        await SaveAsync(DeadlineAuditActions.TaskAdded, deadline, ct);
        return FormOutcome.Saved();
    }

    private async Task CheckDueDateAsync(ManualDeadlineInput input, Viewer viewer, FormErrors errors, CancellationToken ct)
    {
        if (input.DueOn is { } due && due < await deadlines.TodayAsync(viewer, ct))
        {
            errors.Add(nameof(input.DueOn), l["The due date cannot be in the past."]);
        }
    }

    private async Task SaveAsync(string action, CaseDeadline deadline, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);

        // The title is the organisation's words about the work, not personal data: the audit names the deadline by id and date.
        await audit.RecordAsync(action, "case", deadline.CaseId.ToString(),
            new { deadlineId = deadline.Id, kind = deadline.Kind.ToString(), dueOn = deadline.DueOn, assigneeId = deadline.AssigneeId }, cancellationToken: ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The case's caseworker, lead lawyer and further lawyers: the people a task can go to.</summary>
    private async Task<IReadOnlyList<StaffOption>> AssigneesAsync(Case c, CancellationToken ct)
    {
        var ids = new[] { c.CaseworkerId, c.LeadLawyerId }.Where(x => x is not null).Select(x => x!.Value)
            .Concat(c.Lawyers.Select(x => x.UserId)).Distinct().ToList();
        var names = await StaffDirectory.NamesAsync(db, ids, ct);
        return ids.Where(names.ContainsKey).Select(id => new StaffOption(id, names[id], null))
            .OrderBy(o => o.Name, StringComparer.CurrentCulture).ToList();
    }
}
