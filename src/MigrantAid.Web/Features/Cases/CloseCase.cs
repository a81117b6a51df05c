using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
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
    public async Task<CloseCaseInput?> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var time = await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken);
        var input = new CloseCaseInput { Version = c.Version, ClosedOn = time.Today(clock.GetUtcNow()) };
        input.Describe(c);
        return input;
    }

    public async Task<FormOutcome> HandleAsync(Guid id, CloseCaseInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.Edit, track: true, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        input.Describe(c);
        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(now);
        if (input.ClosedOn is { } closedOn && closedOn > today)
        {
            errors.Add(nameof(input.ClosedOn), l["The closing date cannot be in the future."]);
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

        var from = c.Status;
        try
        {
            c.Close(input.Outcome!.Value, input.ClosedOn!.Value, input.Note, viewer.UserId, now);
        }
        catch (DomainException e)
        {
            // The entity's rule about the date belongs at the date; others (already closed) to the form.
            var field = input.ClosedOn < c.OpenedOn ? nameof(input.ClosedOn) : "";
            errors.Add(field, l[e.Message]);
            return FormOutcome.Invalid;
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
        return saved ? FormOutcome.Saved() : await CaseSnapshot.ConflictAsync(db, id, input,
            l["Someone else changed this case while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."], cancellationToken);
    }
}
