using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Intake;

public sealed class AcceptIntakeInput
{
    public const string Prefix = "Accept";

    public uint Version { get; set; }

    [Required(ErrorMessage = "Enter a short title.")]
    [StringLength(Case.TitleMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }

    [Required(ErrorMessage = "Choose the priority.")]
    [Display(Name = "Priority")]
    public CasePriority? Priority { get; set; }

    [Display(Name = "Lead lawyer")]
    public Guid? LeadLawyerId { get; set; }

    [Display(Name = "Caseworker")]
    public Guid? CaseworkerId { get; set; }
}

public sealed class RejectIntakeInput
{
    public const string Prefix = "Reject";

    public uint Version { get; set; }

    [Required(ErrorMessage = "Choose the reason.")]
    [Display(Name = "Reason")]
    public RejectionReason? Reason { get; set; }

    [StringLength(2000, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Note")]
    public string? Note { get; set; }
}

/// <summary>
/// The decision on a submitted intake (coordinators and caseworkers). Accepting opens the case in one
/// transaction: the intake's status, the office's next number for the year, the case with its
/// principal client, categories and first assignment, and the audit events; any failure leaves none of it.
/// </summary>
public sealed class DecideIntakeHandler(AppDbContext db, IntakeGate gate, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public async Task<FormOutcome> AcceptAsync(Guid id, AcceptIntakeInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await LoadAsync(id, viewer, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        input.Title = input.Title?.Trim();
        await CheckStaffAsync(input, errors, cancellationToken);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (intake.Version != input.Version)
        {
            return Conflict();
        }

        var me = viewer.UserId;
        var now = clock.GetUtcNow();
        var office = await db.Offices.AsNoTracking().FirstAsync(o => o.Id == intake.OfficeId, cancellationToken);
        var openedOn = OfficeTime.For(office.TimeZoneId).Today(now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        Case opened;
        IntakeClientSituation.Change? situation;
        try
        {
            (opened, situation) = await OpenCaseAsync(intake, input, office, openedOn, me, now, cancellationToken);
        }
        catch (DomainException e)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            errors.AddToForm(l[e.Message]);
            return FormOutcome.Invalid;
        }
        catch (DbUpdateException e) when (e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation, ConstraintName: "ix_cases_reference" })
        {
            // Two offices without codes in cities with the same first letters share a prefix.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            errors.AddToForm(l["Another office already uses this office's case reference prefix. An administrator must give the office its own code first."]);
            return FormOutcome.Invalid;
        }
        catch (DbUpdateException)
        {
            // Someone decided (or changed) the intake in between: nothing of this accept is kept.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return Conflict();
        }

        await AuditAcceptedAsync(id, opened, situation, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved(opened.Id);
    }

    /// <summary>The caseworker and lead lawyer chosen must be active staff of that role.</summary>
    private async Task CheckStaffAsync(AcceptIntakeInput input, FormErrors errors, CancellationToken cancellationToken)
    {
        const string prefix = AcceptIntakeInput.Prefix + ".";
        var caseworkers = await StaffDirectory.ActiveAsync(db, Roles.Caseworker, cancellationToken);
        if (input.CaseworkerId is { } caseworker && caseworkers.All(o => o.Id != caseworker))
        {
            errors.Add(prefix + nameof(input.CaseworkerId), l["Choose a caseworker from the list."]);
        }

        if (input.LeadLawyerId is { } lawyer && (await StaffDirectory.ActiveAsync(db, Roles.Lawyer, cancellationToken)).All(o => o.Id != lawyer))
        {
            errors.Add(prefix + nameof(input.LeadLawyerId), l["Choose a lawyer from the list."]);
        }
    }

    /// <summary>Accepts the intake and opens its case (numbered in the office's year, assigned, categorised), inside the caller's transaction.</summary>
    private async Task<(Case Opened, IntakeClientSituation.Change? Situation)> OpenCaseAsync(Domain.Cases.Intake intake, AcceptIntakeInput input, Office office,
        DateOnly openedOn, Guid me, DateTimeOffset now, CancellationToken cancellationToken)
    {
        intake.Accept(me, now);
        var number = await CaseNumbers.NextAsync(db, office.Id, openedOn.Year, cancellationToken);
        var opened = new Case(office.Id, office.CasePrefix, openedOn.Year, number, intake, input.Title!, me, openedOn, now, input.Priority);
        db.Cases.Add(opened);
        // The form proposes the intake's author; "Nobody" (an empty choice) leaves the case without a caseworker.
        opened.Assign(input.CaseworkerId, input.LeadLawyerId, [], me, now);
        foreach (var category in intake.CategoryIds.Distinct())
        {
            db.CaseCategories.Add(new CaseCategory { CaseId = opened.Id, CategoryId = category });
        }

        db.Entry(intake).Property(i => i.Version).OriginalValue = input.Version;
        var situation = await IntakeClientSituation.RecordAsync(db, intake, openedOn, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return (opened, situation);
    }

    private async Task AuditAcceptedAsync(Guid id, Case opened, IntakeClientSituation.Change? situation, CancellationToken cancellationToken)
    {
        await audit.RecordAsync(CaseAuditActions.IntakeAccepted, "intake", id.ToString(), new { caseId = opened.Id, reference = opened.Reference }, cancellationToken: cancellationToken);
        await audit.RecordAsync(CaseAuditActions.CaseOpened, "case", opened.Id.ToString(), new
        {
            reference = opened.Reference,
            intake = id,
            priority = opened.Priority.ToString(),
            caseworker = opened.CaseworkerId,
            leadLawyer = opened.LeadLawyerId,
        }, cancellationToken: cancellationToken);
        await IntakeClientSituation.AuditAsync(audit, situation, id, cancellationToken);
    }

    public async Task<FormOutcome> RejectAsync(Guid id, RejectIntakeInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await LoadAsync(id, viewer, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (intake.Version != input.Version)
        {
            return Conflict();
        }

        try
        {
            intake.Reject(input.Reason!.Value, input.Note, viewer.UserId, clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            var field = input.Reason == RejectionReason.Other ? RejectIntakeInput.Prefix + "." + nameof(input.Note) : "";
            errors.Add(field, l[e.Message]);
            return FormOutcome.Invalid;
        }

        var saved = await VersionedSave.SaveAsync(db, intake, input.Version,
            () => audit.RecordAsync(CaseAuditActions.IntakeRejected, "intake", id.ToString(), new { reason = input.Reason.ToString() }, cancellationToken: cancellationToken),
            cancellationToken);
        if (!saved)
        {
            return Conflict();
        }

        return FormOutcome.Saved();
    }

    public async Task<FormOutcome> ReopenAsync(Guid id, uint version, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (intake, refused) = await LoadAsync(id, viewer, cancellationToken);
        if (intake is null)
        {
            return refused!;
        }

        if (intake.Version != version)
        {
            return Conflict();
        }

        try
        {
            intake.Reopen(clock.GetUtcNow());
        }
        catch (DomainException e)
        {
            errors.AddToForm(l[e.Message]);
            return FormOutcome.Invalid;
        }

        var saved = await VersionedSave.SaveAsync(db, intake, version,
            () => audit.RecordAsync(CaseAuditActions.IntakeReopened, "intake", id.ToString(), new { responseDueAt = intake.ResponseDueAt }, cancellationToken: cancellationToken),
            cancellationToken);
        if (!saved)
        {
            return Conflict();
        }

        return FormOutcome.Saved();
    }

    /// <summary>The intake, tracked, when the user may decide on it; otherwise why not (404 when they may not see it, 403 when they only may not decide).</summary>
    private async Task<(Domain.Cases.Intake? Intake, FormOutcome? Refused)> LoadAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var intake = await gate.LoadAsync(id, viewer, track: true, cancellationToken);
        if (intake is null)
        {
            return (null, FormOutcome.NotFound);
        }

        return await gate.AllowsAsync(intake, viewer, IntakeOperations.Decide) ? (intake, null) : (null, FormOutcome.Forbidden);
    }

    /// <summary>Someone else decided or changed the intake in between: the page again as stored now, with what to do.</summary>
    private FormOutcome Conflict() =>
        FormOutcome.Conflict(l["Someone else changed this intake while you were looking at it. Check what is shown now and decide again."]);
}
