namespace MigrantAid.Web.Domain.International;

/// <summary>
/// A submission on a case to an international body: an individual communication, a request for
/// interim measures, an urgent appeal, an alternative report or follow-up information, with the
/// dates of its life before the body. The registration, interim-measures and state's-observations
/// dates are trigger events of deadlines (forum = the body's code).
/// </summary>
public class InternationalSubmission
{
    public const int ReferenceMaxLength = 100;
    public const int NotesMaxLength = 4000;

    private InternationalSubmission()
    {
    }

    public InternationalSubmission(Guid caseId, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        CreatedBy = createdBy;
        CreatedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid CaseId { get; private set; }

    public InternationalBody Body { get; set; }

    public SubmissionKind Kind { get; set; }

    /// <summary>ISO code of the state the submission is about (Countries.Codes).</summary>
    public string StateConcerned { get; set; } = "";

    public DateOnly SubmittedOn { get; set; }

    public DateOnly? RegisteredOn { get; set; }

    public DateOnly? InterimMeasuresOn { get; set; }

    /// <summary>When interim measures were asked for (in this submission or a separate request): starts the task to check the answer.</summary>
    public DateOnly? InterimMeasuresRequestedOn { get; set; }

    /// <summary>The committee's answer to the request: granted (true), refused (false), not yet known (null).</summary>
    public bool? InterimMeasuresGranted { get; set; }

    /// <summary>When the committee asked for our comments on the state's follow-up reply: starts our comments' deadline.</summary>
    public DateOnly? FollowUpCommentsRequestedOn { get; set; }

    /// <summary>When the committee closed the follow-up; its result is <see cref="FollowUp"/>.</summary>
    public DateOnly? FollowUpClosedOn { get; set; }

    public DateOnly? StateObservationsOn { get; set; }

    /// <summary>Our comments on the state's observations are due (entered by hand; not a computed deadline).</summary>
    public DateOnly? CommentsDueOn { get; set; }

    public DateOnly? FinalDecisionOn { get; set; }

    /// <summary>The body's own reference number, e.g. "CRC/C/93/D/123/2020".</summary>
    public string? BodyReference { get; set; }

    public SubmissionResult Result { get; set; }

    public FollowUpStatus FollowUp { get; set; }

    public string? Notes { get; set; }

    public Guid CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Guid? UpdatedBy { get; private set; }

    public DateTimeOffset? UpdatedAt { get; private set; }

    public uint Version { get; private set; }

    public SubmissionDates Dates => new(SubmittedOn, RegisteredOn, InterimMeasuresOn, StateObservationsOn, CommentsDueOn, FinalDecisionOn);

    public void Touch(Guid by, DateTimeOffset now)
    {
        UpdatedBy = by;
        UpdatedAt = now;
    }

    /// <summary>
    /// The rules of a submission's dates and result: past events are not in the future (the office's
    /// today), nothing happens before the submission, the state's observations and the final decision
    /// follow the registration, our comments fall after the observations, and a result that reports an
    /// event needs that event's date.
    /// </summary>
    public static IReadOnlyList<SubmissionProblem> Check(SubmissionDates dates, SubmissionResult result, DateOnly today)
    {
        var problems = new List<SubmissionProblem>();
        void Past(string field, DateOnly? date)
        {
            if (date > today)
            {
                problems.Add(new(field, SubmissionRule.InFuture));
            }
        }

        Past(nameof(SubmittedOn), dates.Submitted);
        Past(nameof(RegisteredOn), dates.Registered);
        Past(nameof(InterimMeasuresOn), dates.InterimMeasures);
        Past(nameof(StateObservationsOn), dates.StateObservations);
        Past(nameof(FinalDecisionOn), dates.FinalDecision);

        void After(string field, DateOnly? date, DateOnly? earlier, SubmissionRule rule)
        {
            if (date is { } d && earlier is { } e && d < e && problems.All(p => p.Field != field))
            {
                problems.Add(new(field, rule));
            }
        }

        After(nameof(RegisteredOn), dates.Registered, dates.Submitted, SubmissionRule.BeforeSubmission);
        After(nameof(InterimMeasuresOn), dates.InterimMeasures, dates.Submitted, SubmissionRule.BeforeSubmission);
        After(nameof(StateObservationsOn), dates.StateObservations, dates.Submitted, SubmissionRule.BeforeSubmission);
        After(nameof(StateObservationsOn), dates.StateObservations, dates.Registered, SubmissionRule.BeforeRegistration);
        After(nameof(FinalDecisionOn), dates.FinalDecision, dates.Submitted, SubmissionRule.BeforeSubmission);
        After(nameof(FinalDecisionOn), dates.FinalDecision, dates.Registered, SubmissionRule.BeforeRegistration);
        After(nameof(CommentsDueOn), dates.CommentsDue, dates.Submitted, SubmissionRule.BeforeSubmission);
        After(nameof(CommentsDueOn), dates.CommentsDue, dates.StateObservations, SubmissionRule.BeforeStateObservations);

        var needed = result switch
        {
            SubmissionResult.Registered when dates.Registered is null => nameof(RegisteredOn),
            SubmissionResult.InterimMeasuresGranted or SubmissionResult.InterimMeasuresRefused when dates.InterimMeasures is null => nameof(InterimMeasuresOn),
            SubmissionResult.Inadmissible or SubmissionResult.ViolationFound or SubmissionResult.NoViolation when dates.FinalDecision is null => nameof(FinalDecisionOn),
            _ => null,
        };
        if (needed is not null && problems.All(p => p.Field != needed))
        {
            problems.Add(new(needed, SubmissionRule.RequiredByResult));
        }

        return problems;
    }
}

public sealed record SubmissionDates(
    DateOnly? Submitted, DateOnly? Registered, DateOnly? InterimMeasures, DateOnly? StateObservations, DateOnly? CommentsDue, DateOnly? FinalDecision);

/// <summary>A broken rule of a submission, at a field (the property's name).</summary>
public sealed record SubmissionProblem(string Field, SubmissionRule Rule);

public enum SubmissionRule
{
    InFuture,
    BeforeSubmission,
    BeforeRegistration,
    BeforeStateObservations,
    RequiredByResult,
    BeforeViews,
}
