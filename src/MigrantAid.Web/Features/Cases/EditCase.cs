using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases;

public sealed class EditCaseInput : CaseFormInput
{
    [Required(ErrorMessage = "Enter a short title.")]
    [StringLength(Case.TitleMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Choose the priority.")]
    [Display(Name = "Priority")]
    public CasePriority? Priority { get; set; }

    [Display(Name = "Confidential")]
    public bool IsConfidential { get; set; }

    /// <summary>Confidentiality decides who sees the case: only coordinators and the case's caseworker change it.</summary>
    [BindNever]
    [ValidateNever]
    public bool CanChangeConfidential { get; set; }
}

/// <summary>Changes the title, priority and confidentiality; the entity records old and new values in the timeline.</summary>
public sealed class EditCaseHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<EditCaseInput?> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var input = new EditCaseInput
        {
            Version = c.Version,
            Title = c.Title,
            Priority = c.Priority,
            IsConfidential = c.IsConfidential,
            CanChangeConfidential = CaseAccess.CanAssign(c, viewer),
        };
        input.Describe(c);
        return input;
    }

    public async Task<FormOutcome> HandleAsync(Guid id, EditCaseInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        input.Describe(c);
        input.CanChangeConfidential = CaseAccess.CanAssign(c, viewer);
        input.Title = input.Title?.Trim();
        if (input.IsConfidential != c.IsConfidential && !input.CanChangeConfidential)
        {
            errors.Add(nameof(input.IsConfidential), l["Only coordinators and the case's caseworker can change this."]);
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (c.Version != input.Version)
        {
            return await CaseSnapshot.ConflictAsync(db, id, input,
            l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."], cancellationToken);
        }

        var changes = new List<object>();
        if (c.Title != input.Title)
        {
            changes.Add(new { field = "Title", old = c.Title, @new = input.Title });
        }

        if (c.Priority != input.Priority)
        {
            changes.Add(new { field = "Priority", old = c.Priority.ToString(), @new = input.Priority!.Value.ToString() });
        }

        if (c.IsConfidential != input.IsConfidential)
        {
            changes.Add(new { field = "Confidential", old = c.IsConfidential, @new = input.IsConfidential });
        }

        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        c.Update(input.Title!, input.Priority!.Value, input.IsConfidential, viewer.UserId, clock.GetUtcNow());
        var saved = await VersionedSave.SaveAsync(db, c, input.Version,
            () => audit.RecordAsync(CaseAuditActions.CaseUpdated, "case", id.ToString(), new { changes }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? FormOutcome.Saved() : await CaseSnapshot.ConflictAsync(db, id, input,
            l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."], cancellationToken);
    }
}
