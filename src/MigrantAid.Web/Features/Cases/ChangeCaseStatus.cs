using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
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
    public async Task<ReopenCaseInput?> LoadReopenAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (c, _) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var input = new ReopenCaseInput { Version = c.Version };
        input.Describe(c);
        return input;
    }

    /// <summary>Open → in progress. Errors go to the model state under "Status".</summary>
    public Task<CaseChangeOutcome> StartWorkAsync(Guid id, uint version, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, version, null, user, modelState, "Status", null, cancellationToken);

    public Task<CaseChangeOutcome> ReopenAsync(Guid id, ReopenCaseInput input, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, input.Version, input.Reason, user, modelState, nameof(input.Reason), input, cancellationToken);

    private async Task<CaseChangeOutcome> ChangeAsync(Guid id, uint version, string? reason, ClaimsPrincipal user, ModelStateDictionary modelState,
        string field, ReopenCaseInput? form, CancellationToken cancellationToken)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return result == CaseGateResult.Forbidden ? CaseChangeOutcome.Forbidden : CaseChangeOutcome.NotFound;
        }

        form?.Describe(c);
        if (!modelState.IsValid)
        {
            return CaseChangeOutcome.Invalid;
        }

        if (c.Version != version)
        {
            return await ConflictAsync(id, form, modelState, cancellationToken);
        }

        var from = c.Status;
        try
        {
            c.ChangeStatus(CaseStatus.InProgress, user.Id(), clock.GetUtcNow(), reason);
        }
        catch (DomainException e)
        {
            modelState.AddModelError(field, l[e.Message]);
            return CaseChangeOutcome.Invalid;
        }

        var action = from == CaseStatus.Closed ? CaseAuditActions.CaseReopened : CaseAuditActions.CaseStatusChanged;
        var saved = await VersionedSave.SaveAsync(db, c, version,
            () => audit.RecordAsync(action, "case", id.ToString(), new { field = "Status", old = from.ToString(), @new = CaseStatus.InProgress.ToString() }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? CaseChangeOutcome.Saved : await ConflictAsync(id, form, modelState, cancellationToken);
    }

    private async Task<CaseChangeOutcome> ConflictAsync(Guid id, ReopenCaseInput? form, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var current = await CaseSnapshot.ReadAsync(db, id, cancellationToken);
        if (current is null)
        {
            return CaseChangeOutcome.NotFound;
        }

        var message = l["Someone else changed this case while you were looking at it. Its current values are shown and nothing was overwritten."];
        if (form is not null)
        {
            form.ShowConflict(current, modelState, message);
        }
        else
        {
            modelState.AddModelError("Status", message);
        }

        return CaseChangeOutcome.Conflict;
    }
}
