using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

public sealed class IntakeTriageInput : IntakeStepInput
{
    [Display(Name = "The client is in detention")]
    public bool InDetention { get; set; }

    [Display(Name = "Expulsion or deportation is imminent")]
    public bool ImminentExpulsion { get; set; }

    [Display(Name = "A child is separated from the family")]
    public bool SeparatedChild { get; set; }

    [Display(Name = "The client has no identity documents")]
    public bool NoDocuments { get; set; }
}

/// <summary>
/// Step 4: urgency. Submitting sends the intake for a decision with a response target (24 hours when
/// urgent, 5 days otherwise); a later change of urgency moves the target.
/// </summary>
public sealed class IntakeTriageStepHandler(AppDbContext db, IntakeGate gate, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<(IntakeTriageInput? Model, FormOutcome Outcome)> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: false, cancellationToken);
        if (intake is null)
        {
            return (null, refused!);
        }

        var model = new IntakeTriageInput
        {
            Version = intake.Version,
            InDetention = intake.InDetention,
            ImminentExpulsion = intake.ImminentExpulsion,
            SeparatedChild = intake.SeparatedChild,
            NoDocuments = intake.NoDocuments,
            Header = await IntakeHeader.ReadAsync(db, intake, clock.GetUtcNow(), cancellationToken),
        };
        return (model, FormOutcome.Saved());
    }

    public async Task<FormOutcome> HandleAsync(Guid id, IntakeTriageInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await IntakeSaving.OpenAsync(gate, id, viewer, track: true, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        var now = clock.GetUtcNow();
        input.Header = await IntakeHeader.ReadAsync(db, intake, now, cancellationToken);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (input.Version != intake.Version)
        {
            return input.ShowConflict(intake.Version, IntakeSaving.ConflictMessage(l));
        }

        var wasUrgent = intake.IsUrgent;
        intake.InDetention = input.InDetention;
        intake.ImminentExpulsion = input.ImminentExpulsion;
        intake.SeparatedChild = input.SeparatedChild;
        intake.NoDocuments = input.NoDocuments;
        var submitting = intake.Status == IntakeStatus.Draft && input.Next == IntakeNext.Submit;
        if (submitting)
        {
            try
            {
                intake.Submit(now);
            }
            catch (DomainException e)
            {
                errors.AddToForm(l[e.Message]);
                return FormOutcome.Invalid;
            }
        }
        else
        {
            intake.Retriage(now);
        }

        var saved = await VersionedSave.SaveAsync(db, intake, input.Version, async () =>
        {
            await audit.RecordAsync(CaseAuditActions.IntakeUpdated, "intake", id.ToString(), new
            {
                step = "triage",
                field = "Urgent",
                old = wasUrgent,
                @new = intake.IsUrgent,
                flags = new { intake.InDetention, intake.ImminentExpulsion, intake.SeparatedChild, intake.NoDocuments },
            }, cancellationToken: cancellationToken);
            if (submitting)
            {
                await audit.RecordAsync(CaseAuditActions.IntakeSubmitted, "intake", id.ToString(),
                    new { urgent = intake.IsUrgent, responseDueAt = intake.ResponseDueAt }, cancellationToken: cancellationToken);
            }
        }, cancellationToken);
        return saved ? FormOutcome.Saved() : await IntakeSaving.ConflictAsync(db, id, input, l, cancellationToken);
    }
}
