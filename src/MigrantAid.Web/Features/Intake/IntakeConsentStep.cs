using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

public sealed record ConsentShown(ConsentStatus Status, DateOnly Date, string? Scope);

public sealed class IntakeConsentInput : IntakeStepInput
{
    public const int ScopeMaxLength = 1000;

    /// <summary>Given or refused; empty keeps what is already recorded for the client.</summary>
    [Display(Name = "Consent to the processing of personal data")]
    public ConsentStatus? Status { get; set; }

    [Display(Name = "Date")]
    public DateOnly? Date { get; set; }

    [StringLength(ScopeMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Scope")]
    public string? Scope { get; set; }

    /// <summary>The consent recorded for the client before this step.</summary>
    [BindNever]
    [ValidateNever]
    public ConsentShown? Recorded { get; set; }
}

/// <summary>Step 3: the client's consent to the processing of their data, recorded on the client (given or refused, date, scope, who).</summary>
public sealed class IntakeConsentStepHandler(AppDbContext db, IntakeGate gate, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(IntakeConsentInput? Model, FormOutcome Outcome)> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: false, cancellationToken);
        if (intake is null)
        {
            return (null, refused!);
        }

        var model = new IntakeConsentInput { Version = intake.Version };
        await FillAsync(model, intake, cancellationToken);
        model.Date = model.Header.Time.Today(clock.GetUtcNow());
        return (model, FormOutcome.Saved());
    }

    public async Task<FormOutcome> HandleAsync(Guid id, IntakeConsentInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: true, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        await FillAsync(input, intake, cancellationToken);
        var now = clock.GetUtcNow();
        var client = intake.ClientId is { } clientId ? await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken) : null;
        if (client is null)
        {
            errors.AddToForm(l["Choose the client first."]);
            return FormOutcome.Invalid;
        }

        Check(input, client.ConsentStatus, input.Header.Time.Today(now), errors);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (input.Version != intake.Version)
        {
            return input.ShowConflict(intake.Version, IntakeSaving.ConflictMessage(l));
        }

        ConsentRecord? record = null;
        if (input.Status is { } given)
        {
            record = client.RecordConsent(given, input.Date!.Value, input.Scope, viewer.UserId, now);
        }

        if (input.Next != IntakeNext.Close)
        {
            IntakeSaving.Reach(intake, IntakeStep.Triage);
        }

        intake.Touch(now);
        var saved = await VersionedSave.SaveAsync(db, intake, input.Version, async () =>
        {
            if (record is not null)
            {
                await audit.RecordAsync(CaseAuditActions.ClientConsentRecorded, "client", client.Id.ToString(),
                    new { field = "ConsentStatus", @new = record.Status.ToString(), date = record.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), intake = id },
                    cancellationToken: cancellationToken);
            }

            await audit.RecordAsync(CaseAuditActions.IntakeUpdated, "intake", id.ToString(), new { step = "consent" }, cancellationToken: cancellationToken);
        }, cancellationToken);
        return saved ? FormOutcome.Saved() : await IntakeSaving.ConflictAsync(db, id, input, l, cancellationToken);
    }

    /// <summary>A first consent must be recorded (unless the step is left for later), as given or refused, on a date not in the future.</summary>
    private void Check(IntakeConsentInput input, ConsentStatus stored, DateOnly today, FormErrors errors)
    {
        if (input.Status is null && stored == ConsentStatus.NotRecorded && input.Next != IntakeNext.Close)
        {
            errors.Add(nameof(input.Status), l["Record whether the client gives consent."]);
        }

        if (input.Status is { } status && status is not (ConsentStatus.Given or ConsentStatus.Refused))
        {
            errors.Add(nameof(input.Status), l["Choose given or refused."]);
        }

        if (input.Status is not null && input.Date is null)
        {
            errors.Add(nameof(input.Date), l["Enter the date of the consent."]);
        }

        if (input.Date is { } date && date > today)
        {
            errors.Add(nameof(input.Date), l["The date cannot be in the future."]);
        }
    }

    private async Task FillAsync(IntakeConsentInput model, Domain.Cases.Intake intake, CancellationToken cancellationToken)
    {
        model.Header = await IntakeHeader.ReadAsync(db, intake, clock.GetUtcNow(), cancellationToken);
        if (intake.ClientId is { } clientId)
        {
            model.Recorded = await db.Set<ConsentRecord>().AsNoTracking()
                .Where(c => c.ClientId == clientId)
                .OrderByDescending(c => c.RecordedAt).ThenByDescending(c => c.Id)
                .Select(c => new ConsentShown(c.Status, c.Date, c.Scope))
                .FirstOrDefaultAsync(cancellationToken);
        }
    }
}
