using MigrantAid.Web.Domain.Deadlines;

namespace MigrantAid.Web.Domain.International;

/// <summary>
/// The grades the treaty bodies give, round by round, when they assess a state's follow-up to their views
/// (the Human Rights Committee's follow-up methodology, which the other committees use in substance).
/// </summary>
public enum FollowUpGrade
{
    /// <summary>Reply or action largely satisfactory.</summary>
    A = 0,

    /// <summary>Reply or action partially satisfactory: substantive steps, more needed.</summary>
    B = 1,

    /// <summary>Reply or action not satisfactory: no implementation, or a reply that does not address the views.</summary>
    C = 2,

    /// <summary>No cooperation with the committee: no reply after the reminders.</summary>
    D = 3,

    /// <summary>The information or the measures taken are contrary to the views, or reject them.</summary>
    E = 4,
}

/// <summary>One round of the committee's follow-up assessment of a submission's views: its date and grade.</summary>
public class FollowUpRound
{
    public const int NoteMaxLength = 2000;

    private FollowUpRound()
    {
    }

    public FollowUpRound(Guid submissionId, int round, DateOnly assessedOn, FollowUpGrade grade, string? note, Guid recordedBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        SubmissionId = submissionId;
        Round = round;
        AssessedOn = assessedOn;
        Grade = grade;
        Note = note;
        RecordedBy = recordedBy;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid SubmissionId { get; private set; }

    /// <summary>1 for the first assessment, then 2, 3...: the committee's follow-up progress reports.</summary>
    public int Round { get; private set; }

    public DateOnly AssessedOn { get; private set; }

    public FollowUpGrade Grade { get; private set; }

    public string? Note { get; private set; }

    public Guid RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}

/// <summary>A client a submission is made for (one of its case's clients).</summary>
public class SubmissionClient
{
    private SubmissionClient()
    {
    }

    public SubmissionClient(Guid submissionId, Guid clientId)
    {
        SubmissionId = submissionId;
        ClientId = clientId;
    }

    public Guid SubmissionId { get; private set; }

    public Guid ClientId { get; private set; }
}

/// <summary>The follow-up's events and the rules of its dates.</summary>
public static class FollowUp
{
    /// <summary>The results a follow-up can be closed with.</summary>
    public static readonly IReadOnlyList<FollowUpStatus> ClosingResults =
        [FollowUpStatus.Satisfactory, FollowUpStatus.PartlySatisfactory, FollowUpStatus.Unsatisfactory];

    /// <summary>
    /// The follow-up's trigger events and the dates they happened on, as a submission now stands (null: not happened):
    /// interim measures requested; granted (the date of the decision, when it granted them); views finding a
    /// violation (the date of the views); the committee's request for our comments on the state's follow-up reply.
    /// </summary>
    public static IReadOnlyList<(TriggerEvent Event, DateOnly? Date)> Events(InternationalSubmission s) =>
    [
        (TriggerEvent.InterimMeasuresRequested, s.InterimMeasuresRequestedOn),
        (TriggerEvent.InterimMeasuresGranted, s.InterimMeasuresGranted == true ? s.InterimMeasuresOn : null),
        (TriggerEvent.ViolationFound, s.Result == SubmissionResult.ViolationFound ? s.FinalDecisionOn : null),
        (TriggerEvent.FollowUpCommentsRequested, s.FollowUpCommentsRequestedOn),
    ];

    /// <summary>
    /// The rules of a submission's follow-up fields: the request for interim measures and the committee's request
    /// for comments are past events, after the submission; the request for comments follows the views; an answer
    /// to the interim-measures request needs the date of the decision.
    /// </summary>
    public static IReadOnlyList<SubmissionProblem> Check(
        DateOnly? submitted, DateOnly? requested, bool? granted, DateOnly? interimDecision, DateOnly? commentsRequested, DateOnly? views, DateOnly today)
    {
        var problems = new List<SubmissionProblem>();
        if (requested is { } r && CheckDate(r, submitted ?? r, null, today) is { } requestRule)
        {
            problems.Add(new(nameof(InternationalSubmission.InterimMeasuresRequestedOn), requestRule));
        }

        if (granted is not null && interimDecision is null)
        {
            problems.Add(new(nameof(InternationalSubmission.InterimMeasuresOn), SubmissionRule.RequiredByResult));
        }

        if (commentsRequested is { } c)
        {
            var rule = views is null ? SubmissionRule.BeforeViews : CheckDate(c, submitted ?? c, views, today);
            if (rule is not null)
            {
                problems.Add(new(nameof(InternationalSubmission.FollowUpCommentsRequestedOn), rule.Value));
            }
        }

        return problems;
    }

    /// <summary>Granted interim measures and views finding a violation are followed up by the committee.</summary>
    public static bool HasFollowUp(InternationalSubmission s) => s.InterimMeasuresGranted == true || s.Result == SubmissionResult.ViolationFound;

    /// <summary>The next round's number after the recorded ones.</summary>
    public static int NextRound(IEnumerable<int> recorded) => recorded.DefaultIfEmpty(0).Max() + 1;

    /// <summary>A follow-up event's date: not in the future, not before the submission (or, for an assessment or a closing, the views).</summary>
    public static SubmissionRule? CheckDate(DateOnly date, DateOnly submittedOn, DateOnly? viewsOn, DateOnly today) =>
        date > today ? SubmissionRule.InFuture
        : date < submittedOn ? SubmissionRule.BeforeSubmission
        : viewsOn is { } v && date < v ? SubmissionRule.BeforeViews
        : null;
}
