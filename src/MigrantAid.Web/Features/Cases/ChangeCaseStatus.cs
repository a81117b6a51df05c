using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases;

/// <summary>Reopening a closed case: it goes back to "in progress", with the reason in the timeline.</summary>
public sealed class ReopenCaseInput : CaseFormInput
{
    [Required(ErrorMessage = "Say why the case is reopened.")]
    [StringLength(2000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }
}

/// <summary>Moves a case on its status path: open → in progress ("start work"), closed → in progress (reopen).</summary>
public sealed class ChangeCaseStatusHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<ReopenCaseInput?> LoadReopenAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var input = new ReopenCaseInput { Version = c.Version };
        input.Describe(c);
        return input;
    }

    /// <summary>Open → in progress. Errors go to the model state under "Status".</summary>
    public Task<FormOutcome> StartWorkAsync(Guid id, uint version, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, null, viewer, errors, "Status", null, cancellationToken);

    public Task<FormOutcome> ReopenAsync(Guid id, ReopenCaseInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, input.Version, input.Reason, viewer, errors, nameof(input.Reason), input, cancellationToken);

    private async Task<FormOutcome> ChangeAsync(Guid id, uint version, string? reason, Viewer viewer, FormErrors errors,
        string field, ReopenCaseInput? form, CancellationToken cancellationToken)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        form?.Describe(c);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (c.Version != version)
        {
            return await ConflictAsync(id, form, errors, cancellationToken);
        }

        var from = c.Status;
        try
        {
            c.ChangeStatus(CaseStatus.InProgress, viewer.UserId, clock.GetUtcNow(), reason);
        }
        catch (DomainException e)
        {
            errors.Add(field, l[e.Message]);
            return FormOutcome.Invalid;
        }

        var action = from == CaseStatus.Closed ? CaseAuditActions.CaseReopened : CaseAuditActions.CaseStatusChanged;
        var saved = await VersionedSave.SaveAsync(db, c, version,
            () => audit.RecordAsync(action, "case", id.ToString(), new { field = "Status", old = from.ToString(), @new = CaseStatus.InProgress.ToString() }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? FormOutcome.Saved() : await ConflictAsync(id, form, errors, cancellationToken);
    }

    private async Task<FormOutcome> ConflictAsync(Guid id, ReopenCaseInput? form, FormErrors errors, CancellationToken cancellationToken)
    {
        var message = l["Someone else changed this case while you were looking at it. Its current values are shown and nothing was overwritten."];
        if (form is not null)
        {
            return await CaseSnapshot.ConflictAsync(db, id, form, message, cancellationToken);
        }

        // Start work is a button on the case page: the page is shown again with the message at the status.
        if (await CaseSnapshot.ReadAsync(db, id, cancellationToken) is null)
        {
            return FormOutcome.NotFound;
        }

        errors.Add("Status", message);
        return FormOutcome.Invalid;
    }
}
