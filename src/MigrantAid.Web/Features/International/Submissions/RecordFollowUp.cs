using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>
/// The committee's follow-up of a submission's views: an assessment recorded per round (A–E), and the closing
/// of the follow-up with its result, which dismisses the follow-up's open deadlines. Changing needs the case's
/// Edit permission; a submission the user may not see answers 404. Each change is audited.
/// </summary>
public sealed class RecordFollowUpHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    /// <summary>The closing note of the follow-up deadlines still open when the follow-up is closed (shown translated).</summary>
    public const string ClosedNote = DeadlineTriggers.FollowUpClosedNote;

    private static readonly TriggerEvent[] FollowUpEvents =
        [TriggerEvent.InterimMeasuresRequested, TriggerEvent.InterimMeasuresGranted, TriggerEvent.ViolationFound, TriggerEvent.FollowUpCommentsRequested];

    public async Task<(T? Input, CaseGateResult Result)> NewAsync<T>(Guid caseId, Guid id, Viewer viewer, CancellationToken cancellationToken)
        where T : FollowUpFormInput, new()
    {
        var input = new T();
        var (_, _, result) = await LoadAsync(caseId, id, input, viewer, track: false, cancellationToken);
        return (result == CaseGateResult.Allowed ? input : null, result);
    }

    public async Task<FormOutcome> AssessAsync(Guid caseId, Guid id, AssessmentInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken)
    {
        var (c, s, result) = await LoadAsync(caseId, id, input, viewer, track: true, cancellationToken);
        if (c is null || s is null)
        {
            return FormOutcome.Refused(result);
        }

        input.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        var today = await TodayAsync(c, cancellationToken);
        if (s.Result != SubmissionResult.ViolationFound)
        {
            errors.AddToForm(l["Follow-up assessments concern views finding a violation: record the views on the submission first."]);
        }
        else if (s.FollowUpClosedOn is not null)
        {
            errors.AddToForm(l["The follow-up is closed."]);
        }

        CheckDate(nameof(input.AssessedOn), input.AssessedOn, s, today, errors);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var now = clock.GetUtcNow();
        var round = new FollowUpRound(s.Id, input.NextRound, input.AssessedOn!.Value, input.Grade!.Value, input.Note, viewer.UserId, now);
        db.FollowUpRounds.Add(round);
        if (s.FollowUp == FollowUpStatus.NotApplicable)
        {
            s.FollowUp = FollowUpStatus.Ongoing;
        }

        s.Touch(viewer.UserId, now);
        return await SaveAsync(FollowUpAuditActions.RoundRecorded, c, s, new
        {
            round = round.Round,
            assessedOn = Iso(round.AssessedOn),
            grade = round.Grade.ToString(),
            note = round.Note is null ? null : "(" + round.Note.Length.ToString(CultureInfo.InvariantCulture) + ")",
        }, cancellationToken);
    }

    public async Task<FormOutcome> CloseAsync(Guid caseId, Guid id, CloseFollowUpInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken)
    {
        var (c, s, result) = await LoadAsync(caseId, id, input, viewer, track: true, cancellationToken);
        if (c is null || s is null)
        {
            return FormOutcome.Refused(result);
        }

        var today = await TodayAsync(c, cancellationToken);
        if (!FollowUp.HasFollowUp(s))
        {
            errors.AddToForm(l["Only granted interim measures and views finding a violation have a follow-up to close."]);
        }
        else if (s.FollowUpClosedOn is not null)
        {
            errors.AddToForm(l["The follow-up is closed."]);
        }

        if (input.Result is { } chosen && !FollowUp.ClosingResults.Contains(chosen))
        {
            errors.Add(nameof(input.Result), l["Choose the result."]);
        }

        CheckDate(nameof(input.ClosedOn), input.ClosedOn, s, today, errors);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        var now = clock.GetUtcNow();
        s.FollowUpClosedOn = input.ClosedOn;
        s.FollowUp = input.Result!.Value;
        s.Touch(viewer.UserId, now);
        var open = await db.CaseDeadlines
            .Where(d => d.CaseId == caseId && d.SourceType == SubmissionRules.SourceType && d.SourceId == id && d.Status == DeadlineStatus.Open
                && d.Trigger != null && FollowUpEvents.Contains(d.Trigger.Value))
            .ToListAsync(cancellationToken);
        foreach (var deadline in open)
        {
            deadline.Status = DeadlineStatus.Dismissed;
            deadline.ClosingNote = ClosedNote;
            deadline.ClosedBy = viewer.UserId;
            deadline.ClosedAt = now;
        }

        return await SaveAsync(FollowUpAuditActions.Closed, c, s, new { closedOn = Iso(s.FollowUpClosedOn), result = s.FollowUp.ToString(), deadlinesClosed = open.Count },
            cancellationToken);
    }

    private async Task<(Case? Case, InternationalSubmission? Submission, CaseGateResult Result)> LoadAsync(
        Guid caseId, Guid id, FollowUpFormInput input, Viewer viewer, bool track, CancellationToken cancellationToken)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return (null, null, result);
        }

        var query = track ? db.InternationalSubmissions : db.InternationalSubmissions.AsNoTracking();
        var s = await query.FirstOrDefaultAsync(x => x.Id == id && x.CaseId == caseId, cancellationToken);
        if (s is null)
        {
            return (c, null, CaseGateResult.NotFound);
        }

        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.SubmissionId == id).Select(r => r.Round).ToListAsync(cancellationToken);
        input.Describe(c, s, FollowUp.NextRound(rounds));
        return (c, s, CaseGateResult.Allowed);
    }

    private void CheckDate(string field, DateOnly? date, InternationalSubmission s, DateOnly today, FormErrors errors)
    {
        if (date is { } d && FollowUp.CheckDate(d, s.SubmittedOn, s.FinalDecisionOn, today) is { } rule)
        {
            errors.Add(field, rule == SubmissionRule.InFuture ? l["The date cannot be in the future."] : l["The date cannot come before the submission or the views."]);
        }
    }

    private async Task<FormOutcome> SaveAsync(string action, Case c, InternationalSubmission s, object details, CancellationToken cancellationToken)
    {
        var saved = await VersionedSave.SaveAsync(db, () => audit.RecordAsync(action, "submission", s.Id.ToString(),
            new { caseId = c.Id, reference = c.Reference, details }, cancellationToken: cancellationToken), cancellationToken);
        return saved
            ? FormOutcome.Saved()
            : FormOutcome.Conflict(l["Someone else changed this submission while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
    }

    private async Task<DateOnly> TodayAsync(Case c, CancellationToken cancellationToken) =>
        (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(clock.GetUtcNow());

    private static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
