using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// Records a court decision or corrects it. The date the copy was received and the date of the final form are trigger
/// events: their deadlines are computed and saved in the same transaction as the decision.
/// </summary>
public sealed class EditDecisionHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, IDeadlineTriggers triggers, LateCopyHandler lateCopy, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>The newest documents of a case offered in the select (the case page lists as many).</summary>
    public const int MaxDocuments = ViewCaseFileHandler.MaxDocuments;

    public async Task<DecisionInput?> LoadAsync(Guid caseId, Guid proceedingId, Guid? id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await ProceedingEditor.OpenAsync<CourtDecision>(db, authorization, viewer, caseId, proceedingId, id, track: false, cancellationToken) is not { } scope)
        {
            return null;
        }

        var (c, time, _, d) = scope;
        var heading = scope.Heading;
        var input = new DecisionInput();
        if (d is not null)
        {
            input = new DecisionInput
            {
                Version = d.Version,
                DecidedOn = d.DecidedOn,
                FinalFormOn = d.FinalFormOn,
                ReceivedOn = d.ReceivedOn,
                Outcome = d.Outcome,
                Summary = d.Summary,
                DocumentId = d.DocumentId,
            };
        }

        await DescribeAsync(input, c, time, heading, id, cancellationToken);
        await audit.RecordAsync(ProceedingAuditActions.DecisionViewed, id is null ? "proceeding" : "decision", (id ?? proceedingId).ToString(),
            new { caseId, proceedingId, form = id is null ? "new" : "edit" }, cancellationToken: cancellationToken);
        return input;
    }

    public async Task<FormOutcome> SaveAsync(Guid caseId, Guid proceedingId, Guid? id, DecisionInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (await ProceedingEditor.OpenAsync<CourtDecision>(db, authorization, viewer, caseId, proceedingId, id, track: true, cancellationToken) is not { } scope)
        {
            return FormOutcome.NotFound;
        }

        var (c, time, proceeding, stored) = scope;
        var heading = scope.Heading;
        await DescribeAsync(input, c, time, heading, id, cancellationToken);
        input.Summary = string.IsNullOrWhiteSpace(input.Summary) ? null : input.Summary.Trim();
        Validate(input, proceeding, time.Today(clock.GetUtcNow()), errors);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (stored is not null && stored.Version != input.Version)
        {
            return await ConflictAsync(stored.Id, input, cancellationToken);
        }

        var userId = viewer.UserId;
        var now = clock.GetUtcNow();
        var decision = stored ?? new CourtDecision(proceedingId, caseId, input.DecidedOn!.Value, input.Outcome!.Value, userId, now);
        var changes = new ChangeList();
        if (stored is not null)
        {
            changes.Value("DecidedOn", stored.DecidedOn, input.DecidedOn!.Value);
            changes.Value("FinalFormOn", stored.FinalFormOn, input.FinalFormOn);
            changes.Value("ReceivedOn", stored.ReceivedOn, input.ReceivedOn);
            changes.Value("Outcome", stored.Outcome, input.Outcome!.Value);
            changes.Text("Summary", stored.Summary, input.Summary);
            changes.Value("DocumentId", stored.DocumentId, input.DocumentId);
            if (changes.Count == 0)
            {
                return FormOutcome.Unchanged;
            }
        }

        // A trigger date recorded again unchanged starts no new clock; a corrected one moves the deadlines it set.
        var receivedChanged = input.ReceivedOn is not null && input.ReceivedOn != stored?.ReceivedOn;
        var finalFormChanged = input.FinalFormOn is not null && input.FinalFormOn != stored?.FinalFormOn;
        var receivedCleared = input.ReceivedOn is null && stored?.ReceivedOn is not null;
        var finalFormCleared = input.FinalFormOn is null && stored?.FinalFormOn is not null;
        decision.DecidedOn = input.DecidedOn!.Value;
        decision.FinalFormOn = input.FinalFormOn;
        decision.ReceivedOn = input.ReceivedOn;
        decision.Outcome = input.Outcome!.Value;
        decision.Summary = input.Summary;
        decision.DocumentId = input.DocumentId;
        if (stored is null)
        {
            db.CourtDecisions.Add(decision);
        }
        else
        {
            VersionedSave.Expect(db, stored, input.Version);
        }

        int? deadlines = null;
        if (receivedChanged)
        {
            deadlines = (deadlines ?? 0) + await RecordAsync(TriggerEvent.DecisionReceived, input.ReceivedOn!.Value);
        }

        if (finalFormChanged)
        {
            deadlines = (deadlines ?? 0) + await RecordAsync(TriggerEvent.DecisionInFinalForm, input.FinalFormOn!.Value);
        }

        // A date cleared (entered by mistake) withdraws the deadlines it had started.
        if (receivedCleared)
        {
            await triggers.WithdrawAsync(caseId, TriggerEvent.DecisionReceived, "decision", decision.Id, userId, cancellationToken);
        }

        if (finalFormCleared)
        {
            await triggers.WithdrawAsync(caseId, TriggerEvent.DecisionInFinalForm, "decision", decision.Id, userId, cancellationToken);
        }

        // A copy that came with the period (counted from the final form) nearly or wholly gone: the application to restore it.
        if (receivedChanged || finalFormChanged || receivedCleared || finalFormCleared)
        {
            deadlines += await lateCopy.ReviewAsync(decision, proceeding, userId, cancellationToken);
        }

        var saved = await VersionedSave.SaveAsync(db, () => stored is null
            ? audit.RecordAsync(ProceedingAuditActions.DecisionRecorded, "decision", decision.Id.ToString(), new
            {
                caseId,
                proceedingId,
                decidedOn = AuditValues.Iso(decision.DecidedOn),
                finalFormOn = AuditValues.Iso(decision.FinalFormOn),
                receivedOn = AuditValues.Iso(decision.ReceivedOn),
                outcome = decision.Outcome.ToString(),
                documentId = decision.DocumentId,
                deadlines,
            }, cancellationToken: cancellationToken)
            : audit.RecordAsync(ProceedingAuditActions.DecisionUpdated, "decision", decision.Id.ToString(),
                new { caseId, proceedingId, changes = changes.Changes, deadlines }, cancellationToken: cancellationToken),
            cancellationToken);
        return saved ? FormOutcome.Saved(decision.Id, deadlines) : await ConflictAsync(decision.Id, input, cancellationToken);

        async Task<int> RecordAsync(TriggerEvent trigger, DateOnly date) =>
            (await triggers.RecordAsync(new DeadlineTrigger(caseId, trigger, proceeding.Jurisdiction, date, "decision", decision.Id, proceeding.Type, proceeding.Instance),
                userId, cancellationToken)).Count;
    }

    private void Validate(DecisionInput input, CourtProceeding proceeding, DateOnly today, FormErrors errors)
    {
        if (input.Outcome is { } outcome && !Enum.IsDefined(outcome))
        {
            errors.Add(nameof(input.Outcome), l["Choose an outcome from the list."]);
        }

        if (input.DocumentId is { } document && input.Documents.All(d => d.Id != document))
        {
            errors.Add(nameof(input.DocumentId), l["Choose a document of this case."]);
        }

        if (input.DecidedOn is { } decided)
        {
            if (decided > today)
            {
                errors.Add(nameof(input.DecidedOn), l["The decision date cannot be in the future."]);
            }
            else if (decided < proceeding.OpenedOn)
            {
                errors.Add(nameof(input.DecidedOn), l["The decision cannot be dated before the proceeding opened ({0}).", CaseText.Date(proceeding.OpenedOn)]);
            }
        }

        if (input.FinalFormOn is { } finalForm)
        {
            if (input.DecidedOn is { } d && finalForm < d)
            {
                errors.Add(nameof(input.FinalFormOn), l["The final form cannot be dated before the decision."]);
            }
            else if (finalForm > today)
            {
                errors.Add(nameof(input.FinalFormOn), l["The date of the final form cannot be in the future."]);
            }
        }

        if (input.ReceivedOn is { } received)
        {
            if (input.DecidedOn is { } d && received < d)
            {
                errors.Add(nameof(input.ReceivedOn), l["The copy cannot have been received before the decision date."]);
            }
            else if (received > today)
            {
                errors.Add(nameof(input.ReceivedOn), l["The date the copy was received cannot be in the future."]);
            }
        }
    }

    private async Task DescribeAsync(DecisionInput input, Case c, OfficeTime time, ProceedingHeading heading, Guid? id, CancellationToken cancellationToken)
    {
        var path = $"/cases/{c.Id}/proceedings/{heading.Id}/decisions";
        input.Describe(c, time, id is { } d ? $"{path}/{d}/edit" : $"{path}/new", isNew: id is null);
        input.Proceeding = heading;
        input.Documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == c.Id)
            .OrderByDescending(d => d.UploadedAt).ThenBy(d => d.Id).Take(MaxDocuments)
            .Select(d => new DocumentChoice(d.Id, d.FileName))
            .ToListAsync(cancellationToken);

        // A decision's document older than the newest ones offered is still offered.
        if (input.DocumentId is { } chosen && input.Documents.All(d => d.Id != chosen))
        {
            var older = await db.CaseDocuments.AsNoTracking().Where(d => d.Id == chosen && d.CaseId == c.Id)
                .Select(d => new DocumentChoice(d.Id, d.FileName)).FirstOrDefaultAsync(cancellationToken);
            if (older is not null)
            {
                input.Documents = [.. input.Documents, older];
            }
        }
    }

    private async Task<FormOutcome> ConflictAsync(Guid id, DecisionInput input, CancellationToken cancellationToken)
    {
        var current = await db.CourtDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (current is null)
        {
            return FormOutcome.NotFound;
        }

        var document = current.DocumentId is { } documentId
            ? await db.CaseDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.FileName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return input.ShowConflict(
        [
            new(l["Decided on"], CaseText.Date(current.DecidedOn)),
            new(l["Made in final form on"], CaseText.Date(current.FinalFormOn)),
            new(l["Copy received on"], CaseText.Date(current.ReceivedOn)),
            new(l["Outcome"], CaseText.Enum(l, current.Outcome)),
            new(l["Summary"], current.Summary ?? "—"),
            new(l["Decision document"], document ?? "—"),
        ], current.Version, l["Someone else changed this decision while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."]);
    }
}
