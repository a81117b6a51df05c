using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Cases.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Forms;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Proceedings;

/// <summary>
/// Records a court decision or corrects it. The date the copy was received and the date of the final form are trigger
/// events: their deadlines are computed and saved in the same transaction as the decision (see <see cref="DecisionTriggers"/>).
/// </summary>
public sealed class EditDecisionHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, IDeadlineTriggers triggers, LateCopyHandler lateCopy, TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    /// <summary>The newest documents of a case offered in the select (the case page lists as many).</summary>
    public const int MaxDocuments = ViewCaseFileHandler.MaxDocuments;

    private static readonly ProceedingRecordForm<CourtDecision> Form = new("decisions", "decision", ProceedingAuditActions.DecisionViewed, d => d.Version);

    private readonly ProceedingEditor<CourtDecision> _editor = new(db, authorization, audit, Form);
    private readonly DecisionTriggers _triggers = new(triggers, lateCopy);

    public async Task<DecisionInput?> LoadAsync(Guid caseId, Guid proceedingId, Guid? id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await _editor.OpenAsync(viewer, caseId, proceedingId, id, track: false, cancellationToken) is not { } scope)
        {
            return null;
        }

        var input = scope.Stored is { } d
            ? new DecisionInput
            {
                Version = d.Version,
                DecidedOn = d.DecidedOn,
                FinalFormOn = d.FinalFormOn,
                ReceivedOn = d.ReceivedOn,
                Outcome = d.Outcome,
                Summary = d.Summary,
                DocumentId = d.DocumentId,
            }
            : new DecisionInput();
        await DescribeAsync(input, scope, id, cancellationToken);
        await _editor.ShownAsync(caseId, proceedingId, id, cancellationToken);
        return input;
    }

    public async Task<FormOutcome> SaveAsync(Guid caseId, Guid proceedingId, Guid? id, DecisionInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        if (await _editor.OpenAsync(viewer, caseId, proceedingId, id, track: true, cancellationToken) is not { } scope)
        {
            return FormOutcome.NotFound;
        }

        await DescribeAsync(input, scope, id, cancellationToken);
        input.Summary = ProceedingText.Blank(input.Summary);
        DecisionValidation.Validate(input, scope.Proceeding, scope.Time.Today(clock.GetUtcNow()), errors, l);
        if (!errors.IsValid)
        {
            return FormOutcome.Invalid;
        }

        if (scope.Stored is not { } stored)
        {
            return await RecordAsync(scope.Proceeding, input, viewer.UserId, cancellationToken);
        }

        return _editor.IsStale(stored, input)
            ? await ConflictAsync(stored.Id, input, cancellationToken)
            : await CorrectAsync(scope.Proceeding, stored, input, viewer.UserId, cancellationToken);
    }

    private async Task<FormOutcome> RecordAsync(CourtProceeding proceeding, DecisionInput input, Guid userId, CancellationToken cancellationToken)
    {
        var decision = new CourtDecision(proceeding.Id, proceeding.CaseId, input.DecidedOn!.Value, input.Outcome!.Value, userId, clock.GetUtcNow());
        Apply(decision, input);
        db.CourtDecisions.Add(decision);
        var deadlines = await _triggers.FollowAsync(decision, TriggerDates.Of(null), proceeding, userId, cancellationToken);
        var saved = await VersionedSave.SaveAsync(db, () => audit.RecordAsync(ProceedingAuditActions.DecisionRecorded, "decision", decision.Id.ToString(), new
        {
            caseId = proceeding.CaseId,
            proceedingId = proceeding.Id,
            decidedOn = AuditValues.Iso(decision.DecidedOn),
            finalFormOn = AuditValues.Iso(decision.FinalFormOn),
            receivedOn = AuditValues.Iso(decision.ReceivedOn),
            outcome = decision.Outcome.ToString(),
            documentId = decision.DocumentId,
            deadlines,
        }, cancellationToken: cancellationToken), cancellationToken);
        return saved ? FormOutcome.Saved(decision.Id, deadlines) : await ConflictAsync(decision.Id, input, cancellationToken);
    }

    private async Task<FormOutcome> CorrectAsync(CourtProceeding proceeding, CourtDecision stored, DecisionInput input, Guid userId, CancellationToken cancellationToken)
    {
        var changes = new ChangeList();
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

        var before = TriggerDates.Of(stored);
        Apply(stored, input);
        VersionedSave.Expect(db, stored, input.Version);
        var deadlines = await _triggers.FollowAsync(stored, before, proceeding, userId, cancellationToken);
        var saved = await VersionedSave.SaveAsync(db, () => audit.RecordAsync(ProceedingAuditActions.DecisionUpdated, "decision", stored.Id.ToString(),
            new { caseId = proceeding.CaseId, proceedingId = proceeding.Id, changes = changes.Changes, deadlines }, cancellationToken: cancellationToken), cancellationToken);
        return saved ? FormOutcome.Saved(stored.Id, deadlines) : await ConflictAsync(stored.Id, input, cancellationToken);
    }

    private static void Apply(CourtDecision decision, DecisionInput input)
    {
        decision.DecidedOn = input.DecidedOn!.Value;
        decision.FinalFormOn = input.FinalFormOn;
        decision.ReceivedOn = input.ReceivedOn;
        decision.Outcome = input.Outcome!.Value;
        decision.Summary = input.Summary;
        decision.DocumentId = input.DocumentId;
    }

    private async Task DescribeAsync(DecisionInput input, ProceedingRecordScope<CourtDecision> scope, Guid? id, CancellationToken cancellationToken)
    {
        _editor.Describe(input, scope, id);
        var caseId = scope.Case.Id;
        input.Documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId)
            .OrderByDescending(d => d.UploadedAt).ThenBy(d => d.Id).TakeFixed(MaxDocuments)
            .Select(d => new DocumentChoice(d.Id, d.FileName))
            .ToListAsync(cancellationToken);

        // A decision's document older than the newest ones offered is still offered.
        if (input.DocumentId is { } chosen && input.Documents.All(d => d.Id != chosen))
        {
            var older = await db.CaseDocuments.AsNoTracking().Where(d => d.Id == chosen && d.CaseId == caseId)
                .Select(d => new DocumentChoice(d.Id, d.FileName)).FirstOrDefaultAsync(cancellationToken);
            if (older is not null)
            {
                input.Documents = [.. input.Documents, older];
            }
        }
    }

    private Task<FormOutcome> ConflictAsync(Guid id, DecisionInput input, CancellationToken cancellationToken) =>
        _editor.ConflictAsync(id, input, async current =>
        {
            var document = current.DocumentId is { } documentId
                ? await db.CaseDocuments.AsNoTracking().Where(d => d.Id == documentId).Select(d => d.FileName).FirstOrDefaultAsync(cancellationToken)
                : null;
            return
            [
                new(l["Decided on"], CaseText.Date(current.DecidedOn)),
                new(l["Made in final form on"], CaseText.Date(current.FinalFormOn)),
                new(l["Copy received on"], CaseText.Date(current.ReceivedOn)),
                new(l["Outcome"], CaseText.Enum(l, current.Outcome)),
                new(l["Summary"], current.Summary ?? "—"),
                new(l["Decision document"], document ?? "—"),
            ];
        }, l["Someone else changed this decision while you were editing. Its current values are shown and nothing was overwritten. Your entries are kept: save again to go ahead."],
        cancellationToken);
}
