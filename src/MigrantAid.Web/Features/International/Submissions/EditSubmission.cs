using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Submissions;

/// <summary>
/// Changes a submission under optimistic concurrency (xmin): a save against a newer row is refused
/// with the stored values shown and the typed ones kept. New or changed trigger dates are recorded again
/// (the deadlines of an earlier date are updated by the triggers), in the same transaction.
/// </summary>
public sealed class EditSubmissionHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, IDeadlineTriggers triggers, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private readonly SubmissionRules _rules = new(db, triggers, l);

    public async Task<(SubmissionInput? Input, CaseGateResult Result)> LoadAsync(Guid caseId, Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return (null, result);
        }

        var submission = await db.InternationalSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.CaseId == caseId, cancellationToken);
        if (submission is null)
        {
            return (null, CaseGateResult.NotFound);
        }

        var input = SubmissionInput.From(submission);
        input.ClientIds = await SubmissionClients.IdsAsync(db, id, cancellationToken);
        await _rules.DescribeAsync(input, c, cancellationToken);
        return (input, CaseGateResult.Allowed);
    }

    public async Task<FormOutcome> HandleAsync(Guid caseId, Guid id, SubmissionInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        var submission = await db.InternationalSubmissions.FirstOrDefaultAsync(s => s.Id == id && s.CaseId == caseId, cancellationToken);
        if (submission is null)
        {
            return FormOutcome.NotFound;
        }

        input.SubmissionId = id;
        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(now);
        var valid = _rules.Check(input, today, errors);
        await _rules.DescribeAsync(input, c, cancellationToken);
        if (!SubmissionClients.Check(input, errors, l) || !valid)
        {
            return FormOutcome.Invalid;
        }

        if (submission.Version != input.Version)
        {
            return Conflict(input, SubmissionInput.From(submission));
        }

        var before = SubmissionRules.AuditValues(submission);
        before["Clients"] = SubmissionClients.AuditValue(await SubmissionClients.IdsAsync(db, id, cancellationToken));
        var datesBefore = submission.Dates;
        var followUpBefore = FollowUp.Events(submission);
        var bodyBefore = submission.Body;
        SubmissionRules.Apply(input, submission);
        var after = SubmissionRules.AuditValues(submission);
        after["Clients"] = SubmissionClients.AuditValue(input.ClientIds);
        var changes = before.Where(b => after[b.Key] != b.Value)
            .Select(b => new { field = b.Key, old = b.Value, @new = after[b.Key] })
            .ToList();
        if (changes.Count == 0)
        {
            return FormOutcome.Unchanged;
        }

        submission.Touch(viewer.UserId, now);
        await SubmissionClients.SetAsync(db, id, input.ClientIds, cancellationToken);
        await _rules.RecordTriggersAsync(submission, datesBefore, followUpBefore, bodyBefore, viewer.UserId, cancellationToken);

        var saved = await VersionedSave.SaveAsync(db, submission, input.Version, () => audit.RecordAsync(InternationalAuditActions.SubmissionUpdated, "submission",
            id.ToString(), new { caseId, reference = c.Reference, changes }, cancellationToken: cancellationToken), cancellationToken);
        if (saved)
        {
            return FormOutcome.Saved();
        }

        var stored = await db.InternationalSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.CaseId == caseId, cancellationToken);
        return stored is null ? FormOutcome.NotFound : Conflict(input, SubmissionInput.From(stored));
    }

    private FormOutcome Conflict(SubmissionInput input, SubmissionInput stored)
    {
        input.Stored = stored;
        input.Version = stored.Version;
        return FormOutcome.Conflict(
            l["Someone else changed this submission while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."],
            nameof(input.Version));
    }
}
