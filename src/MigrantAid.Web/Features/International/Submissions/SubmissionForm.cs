using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.International.TreatyAcceptance;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>The submission form (add and edit). <see cref="CaseFormInput.Version"/> is the submission's row version here.</summary>
public sealed class SubmissionInput : CaseFormInput
{
    [Required(ErrorMessage = "Choose the body.")]
    [Display(Name = "Body")]
    public InternationalBody? Body { get; set; }

    [Required(ErrorMessage = "Choose the kind of submission.")]
    [Display(Name = "Kind of submission")]
    public SubmissionKind? Kind { get; set; }

    [Required(ErrorMessage = "Choose the state concerned.")]
    [Display(Name = "State concerned")]
    public string? StateConcerned { get; set; }

    [Required(ErrorMessage = "Enter the date of submission.")]
    [Display(Name = "Submitted on")]
    public DateOnly? SubmittedOn { get; set; }

    [Display(Name = "Registered by the body on")]
    public DateOnly? RegisteredOn { get; set; }

    [Display(Name = "Interim-measures decision on")]
    public DateOnly? InterimMeasuresOn { get; set; }

    [Display(Name = "Interim measures requested on")]
    public DateOnly? InterimMeasuresRequestedOn { get; set; }

    [Display(Name = "The committee's answer to the request")]
    public bool? InterimMeasuresGranted { get; set; }

    [Display(Name = "The committee asked for our comments on the state's follow-up reply on")]
    public DateOnly? FollowUpCommentsRequestedOn { get; set; }

    /// <summary>The clients the submission is for, among the case's clients.</summary>
    [Display(Name = "Clients")]
    public List<Guid> ClientIds { get; set; } = [];

    /// <summary>The case's clients to choose from.</summary>
    [BindNever]
    [ValidateNever]
    public IReadOnlyList<SubmissionClientOption> CaseClients { get; set; } = [];

    [Display(Name = "State's observations received on")]
    public DateOnly? StateObservationsOn { get; set; }

    [Display(Name = "Our comments due on")]
    public DateOnly? CommentsDueOn { get; set; }

    [Display(Name = "Final decision or views on")]
    public DateOnly? FinalDecisionOn { get; set; }

    [StringLength(InternationalSubmission.ReferenceMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "The body's reference number")]
    public string? BodyReference { get; set; }

    [Required(ErrorMessage = "Choose the result.")]
    [Display(Name = "Result")]
    public SubmissionResult? Result { get; set; } = SubmissionResult.Pending;

    [Required(ErrorMessage = "Choose the follow-up status.")]
    [Display(Name = "Follow-up status")]
    public FollowUpStatus? FollowUp { get; set; } = FollowUpStatus.NotApplicable;

    [StringLength(InternationalSubmission.NotesMaxLength, ErrorMessage = "{0} must be at most {1} characters.")]
    [Display(Name = "Notes")]
    public string? Notes { get; set; }

    /// <summary>Null on the add form.</summary>
    [BindNever]
    [ValidateNever]
    public Guid? SubmissionId { get; set; }

    [BindNever]
    [ValidateNever]
    public AcceptanceNote? Acceptance { get; set; }

    /// <summary>Set when someone else saved the submission in between: what is stored now.</summary>
    [BindNever]
    [ValidateNever]
    public SubmissionInput? Stored { get; set; }

    public SubmissionDates Dates => new(SubmittedOn, RegisteredOn, InterimMeasuresOn, StateObservationsOn, CommentsDueOn, FinalDecisionOn);

    public static SubmissionInput From(InternationalSubmission s) => new()
    {
        SubmissionId = s.Id,
        Version = s.Version,
        Body = s.Body,
        Kind = s.Kind,
        StateConcerned = s.StateConcerned,
        SubmittedOn = s.SubmittedOn,
        RegisteredOn = s.RegisteredOn,
        InterimMeasuresOn = s.InterimMeasuresOn,
        InterimMeasuresRequestedOn = s.InterimMeasuresRequestedOn,
        InterimMeasuresGranted = s.InterimMeasuresGranted,
        FollowUpCommentsRequestedOn = s.FollowUpCommentsRequestedOn,
        StateObservationsOn = s.StateObservationsOn,
        CommentsDueOn = s.CommentsDueOn,
        FinalDecisionOn = s.FinalDecisionOn,
        BodyReference = s.BodyReference,
        Result = s.Result,
        FollowUp = s.FollowUp,
        Notes = s.Notes,
    };
}

/// <summary>What add and edit share: checking the form against the rules, the acceptance note, the deadline triggers.</summary>
public sealed class SubmissionRules(AppDbContext db, IDeadlineTriggers triggers, IStringLocalizer<SharedResource> l)
{
    public const string SourceType = "submission";

    /// <summary>Trims the texts and adds the rules' messages at their fields; true when the form can be saved.</summary>
    public bool Check(SubmissionInput input, DateOnly today, FormErrors errors)
    {
        input.BodyReference = Blank(input.BodyReference);
        input.Notes = Blank(input.Notes);
        input.StateConcerned = InternationalChoices.CheckState(input.StateConcerned, nameof(input.StateConcerned), errors, l);

        foreach (var problem in InternationalSubmission.Check(input.Dates, input.Result ?? SubmissionResult.Pending, today))
        {
            if (errors.Has(problem.Field))
            {
                continue;
            }

            errors.Add(problem.Field, Message(problem));
        }

        var followUp = FollowUp.Check(input.SubmittedOn, input.InterimMeasuresRequestedOn, Granted(input), input.InterimMeasuresOn,
            input.FollowUpCommentsRequestedOn, input.FinalDecisionOn, today);
        foreach (var problem in followUp.Where(p => !errors.Has(p.Field)))
        {
            errors.Add(problem.Field, Message(problem));
        }

        return errors.IsValid;
    }

    public async Task DescribeAsync(SubmissionInput input, Case c, CancellationToken cancellationToken)
    {
        input.Describe(c);
        input.CaseClients = await SubmissionClients.OptionsAsync(db, c.Id, cancellationToken);
        input.Acceptance = await ProcedureAcceptance.IndividualCommunicationsAsync(db, input.StateConcerned, input.Body, cancellationToken);
    }

    /// <summary>The state's country by default: where the complaint happened, if the intake says.</summary>
    public Task<string?> IncidentCountryAsync(Case c, CancellationToken cancellationToken) =>
        db.Intakes.AsNoTracking().Where(i => i.Id == c.IntakeId).Select(i => i.IncidentCountry).FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Records the trigger events whose dates are new or changed (or all of them when the body changed,
    /// since the body is the rules' forum). The deadlines are added to the context, not saved.
    /// </summary>
    public async Task RecordTriggersAsync(
        InternationalSubmission s, SubmissionDates? before, IReadOnlyList<(TriggerEvent Event, DateOnly? Date)>? followUpBefore, InternationalBody? bodyBefore,
        Guid actorId, CancellationToken cancellationToken)
    {
        var bodyChanged = bodyBefore is not null && bodyBefore != s.Body;
        async Task Record(TriggerEvent trigger, DateOnly? date, DateOnly? earlier)
        {
            if (date is { } d && (before is null || bodyChanged || earlier != d))
            {
                await triggers.RecordAsync(new DeadlineTrigger(s.CaseId, trigger, s.Body.ToString(), d, SourceType, s.Id), actorId, cancellationToken);
            }
            else if (date is null && earlier is not null)
            {
                // A date cleared (entered by mistake) withdraws the deadlines it had started.
                await triggers.WithdrawAsync(s.CaseId, trigger, SourceType, s.Id, actorId, cancellationToken);
            }
        }

        await Record(TriggerEvent.RegisteredByBody, s.RegisteredOn, before?.Registered);
        await Record(TriggerEvent.StateObservationsReceived, s.StateObservationsOn, before?.StateObservations);
        await Record(TriggerEvent.InterimMeasuresDecision, s.InterimMeasuresOn, before?.InterimMeasures);
        foreach (var (trigger, date) in FollowUp.Events(s))
        {
            await Record(trigger, date, followUpBefore?.FirstOrDefault(e => e.Event == trigger).Date);
        }
    }

    public static void Apply(SubmissionInput input, InternationalSubmission s)
    {
        s.Body = input.Body!.Value;
        s.Kind = input.Kind!.Value;
        s.StateConcerned = input.StateConcerned!;
        s.SubmittedOn = input.SubmittedOn!.Value;
        s.RegisteredOn = input.RegisteredOn;
        s.InterimMeasuresOn = input.InterimMeasuresOn;
        s.InterimMeasuresRequestedOn = input.InterimMeasuresRequestedOn;
        s.InterimMeasuresGranted = Granted(input);
        s.FollowUpCommentsRequestedOn = input.FollowUpCommentsRequestedOn;
        s.StateObservationsOn = input.StateObservationsOn;
        s.CommentsDueOn = input.CommentsDueOn;
        s.FinalDecisionOn = input.FinalDecisionOn;
        s.BodyReference = input.BodyReference;
        s.Result = input.Result!.Value;
        s.FollowUp = input.FollowUp!.Value;

        // Granted interim measures and views finding a violation are followed up by the committee from then on.
        if (FollowUp.HasFollowUp(s) && s.FollowUp == FollowUpStatus.NotApplicable && s.FollowUpClosedOn is null)
        {
            s.FollowUp = FollowUpStatus.Ongoing;
        }

        s.Notes = input.Notes;
    }

    /// <summary>The audit's view of a submission: every field but the notes' text (narratives stay out of the audit trail).</summary>
    public static Dictionary<string, string?> AuditValues(InternationalSubmission s) => new()
    {
        ["Body"] = s.Body.ToString(),
        ["Kind"] = s.Kind.ToString(),
        ["StateConcerned"] = s.StateConcerned,
        ["SubmittedOn"] = Iso(s.SubmittedOn),
        ["RegisteredOn"] = Iso(s.RegisteredOn),
        ["InterimMeasuresOn"] = Iso(s.InterimMeasuresOn),
        ["InterimMeasuresRequestedOn"] = Iso(s.InterimMeasuresRequestedOn),
        ["InterimMeasuresGranted"] = s.InterimMeasuresGranted?.ToString(),
        ["FollowUpCommentsRequestedOn"] = Iso(s.FollowUpCommentsRequestedOn),
        ["FollowUpClosedOn"] = Iso(s.FollowUpClosedOn),
        ["StateObservationsOn"] = Iso(s.StateObservationsOn),
        ["CommentsDueOn"] = Iso(s.CommentsDueOn),
        ["FinalDecisionOn"] = Iso(s.FinalDecisionOn),
        ["BodyReference"] = s.BodyReference,
        ["Result"] = s.Result.ToString(),
        ["FollowUp"] = s.FollowUp.ToString(),
        ["Notes"] = s.Notes is null ? null : "(" + s.Notes.Length.ToString(CultureInfo.InvariantCulture) + ")",
    };

    /// <summary>The answer to the interim-measures request: as chosen, or as the result says when it reports the answer.</summary>
    private static bool? Granted(SubmissionInput input) => input.Result switch
    {
        SubmissionResult.InterimMeasuresGranted => true,
        SubmissionResult.InterimMeasuresRefused => false,
        _ => input.InterimMeasuresGranted,
    };

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private string Message(SubmissionProblem problem) => (problem.Field, problem.Rule) switch
    {
        (nameof(SubmissionInput.SubmittedOn), SubmissionRule.InFuture) => l["The submission date cannot be in the future."],
        (nameof(SubmissionInput.RegisteredOn), SubmissionRule.InFuture) => l["The registration date cannot be in the future."],
        (nameof(SubmissionInput.InterimMeasuresOn), SubmissionRule.InFuture) => l["The date of the interim-measures decision cannot be in the future."],
        (nameof(SubmissionInput.StateObservationsOn), SubmissionRule.InFuture) => l["The date of the state's observations cannot be in the future."],
        (nameof(SubmissionInput.FinalDecisionOn), SubmissionRule.InFuture) => l["The date of the final decision cannot be in the future."],
        (nameof(SubmissionInput.RegisteredOn), SubmissionRule.BeforeSubmission) => l["The body cannot have registered the submission before it was submitted."],
        (nameof(SubmissionInput.InterimMeasuresOn), SubmissionRule.BeforeSubmission) => l["The interim-measures decision cannot come before the submission."],
        (nameof(SubmissionInput.StateObservationsOn), SubmissionRule.BeforeSubmission) => l["The state's observations cannot come before the submission."],
        (nameof(SubmissionInput.FinalDecisionOn), SubmissionRule.BeforeSubmission) => l["The final decision cannot come before the submission."],
        (nameof(SubmissionInput.CommentsDueOn), SubmissionRule.BeforeSubmission) => l["Our comments cannot be due before the submission."],
        (nameof(SubmissionInput.StateObservationsOn), SubmissionRule.BeforeRegistration) => l["The state's observations cannot come before the registration."],
        (nameof(SubmissionInput.FinalDecisionOn), SubmissionRule.BeforeRegistration) => l["The final decision cannot come before the registration."],
        (nameof(SubmissionInput.CommentsDueOn), SubmissionRule.BeforeStateObservations) => l["Our comments cannot be due before the state's observations were received."],
        (nameof(SubmissionInput.RegisteredOn), SubmissionRule.RequiredByResult) => l["Enter the registration date for this result."],
        (nameof(SubmissionInput.InterimMeasuresOn), SubmissionRule.RequiredByResult) => l["Enter the date of the interim-measures decision for this result."],
        (nameof(SubmissionInput.FinalDecisionOn), SubmissionRule.RequiredByResult) => l["Enter the date of the final decision or views for this result."],
        (nameof(SubmissionInput.InterimMeasuresRequestedOn), SubmissionRule.InFuture) => l["The date of the interim-measures request cannot be in the future."],
        (nameof(SubmissionInput.InterimMeasuresRequestedOn), _) => l["The interim-measures request cannot come before the submission."],
        (nameof(SubmissionInput.FollowUpCommentsRequestedOn), SubmissionRule.InFuture) => l["The date of the committee's request cannot be in the future."],
        (nameof(SubmissionInput.FollowUpCommentsRequestedOn), _) => l["The committee asks for comments on the follow-up after its views: enter the date of the views, and a request on or after it."],
        _ => l["Check this date."],
    };
}
