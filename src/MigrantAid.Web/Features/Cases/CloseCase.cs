using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases;

public sealed class CloseCaseInput : CaseFormInput
{
    [Required(ErrorMessage = "Choose the outcome.")]
    [Display(Name = "Outcome")]
    public CaseOutcome? Outcome { get; set; }

    [Required(ErrorMessage = "Enter the date the case was closed.")]
    [Display(Name = "Closed on")]
    public DateOnly? ClosedOn { get; set; }

    [StringLength(2000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Closing note")]
    public string? Note { get; set; }
}

/// <summary>Closes a case with an outcome and a date (not before it was opened, not in the future).</summary>
public sealed class CloseCaseHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<CloseCaseInput?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (c, _) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var time = await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken);
        var input = new CloseCaseInput { Version = c.Version, ClosedOn = time.Today(clock.GetUtcNow()) };
        input.Describe(c);
        return input;
    }

    public async Task<CaseChangeOutcome> HandleAsync(Guid id, CloseCaseInput input, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return result == CaseGateResult.Forbidden ? CaseChangeOutcome.Forbidden : CaseChangeOutcome.NotFound;
        }

        input.Describe(c);
        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(now);
        if (input.ClosedOn is { } closedOn && closedOn > today)
        {
            modelState.AddModelError(nameof(input.ClosedOn), l["The closing date cannot be in the future."]);
        }

        if (!modelState.IsValid)
        {
            return CaseChangeOutcome.Invalid;
        }

        if (c.Version != input.Version)
        {
            return await ConflictAsync(id, input, modelState, cancellationToken);
        }

        var from = c.Status;
        try
        {
            c.Close(input.Outcome!.Value, input.ClosedOn!.Value, input.Note, user.Id(), now);
        }
        catch (DomainException e)
        {
            // The entity's rule about the date belongs at the date; others (already closed) to the form.
            var field = input.ClosedOn < c.OpenedOn ? nameof(input.ClosedOn) : "";
            modelState.AddModelError(field, l[e.Message]);
            return CaseChangeOutcome.Invalid;
        }

        var saved = await VersionedSave.SaveAsync(db, c, input.Version,
            () => audit.RecordAsync(CaseAuditActions.CaseClosed, "case", id.ToString(), new
            {
                changes = new object[]
                {
                    new { field = "Status", old = from.ToString(), @new = CaseStatus.Closed.ToString() },
                    new { field = "Outcome", old = (string?)null, @new = c.Outcome?.ToString() },
                    new { field = "ClosedOn", old = (string?)null, @new = c.ClosedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
                },
            }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? CaseChangeOutcome.Saved : await ConflictAsync(id, input, modelState, cancellationToken);
    }

    private async Task<CaseChangeOutcome> ConflictAsync(Guid id, CloseCaseInput input, ModelStateDictionary modelState, CancellationToken cancellationToken)
    {
        var current = await CaseSnapshot.ReadAsync(db, id, cancellationToken);
        if (current is null)
        {
            return CaseChangeOutcome.NotFound;
        }

        input.ShowConflict(current, modelState, l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
        return CaseChangeOutcome.Conflict;
    }
}
