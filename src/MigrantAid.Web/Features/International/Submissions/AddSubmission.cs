using Microsoft.AspNetCore.Authorization;
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
/// Adds a submission to a case. Its registration, interim-measures and state's-observations dates are
/// recorded as trigger events, so the matching deadline rules' deadlines are saved with it, in one transaction.
/// </summary>
public sealed class AddSubmissionHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, IDeadlineTriggers triggers, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private readonly SubmissionRules _rules = new(db, triggers, l);

    public async Task<(SubmissionInput? Input, CaseGateResult Result)> NewAsync(Guid caseId, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return (null, result);
        }

        var today = (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(clock.GetUtcNow());
        var input = new SubmissionInput { SubmittedOn = today, StateConcerned = await _rules.IncidentCountryAsync(c, cancellationToken) };
        await _rules.DescribeAsync(input, c, cancellationToken);
        input.ClientIds = [c.PrincipalClientId];
        return (input, CaseGateResult.Allowed);
    }

    public async Task<FormOutcome> HandleAsync(Guid caseId, SubmissionInput input, Viewer viewer, FormErrors errors, CancellationToken cancellationToken = default)
    {
        var (c, result) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return FormOutcome.Refused(result);
        }

        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(now);
        var valid = _rules.Check(input, today, errors);
        await _rules.DescribeAsync(input, c, cancellationToken);
        if (!SubmissionClients.Check(input, errors, l) || !valid)
        {
            return FormOutcome.Invalid;
        }

        var submission = new InternationalSubmission(caseId, viewer.UserId, now);
        SubmissionRules.Apply(input, submission);
        db.InternationalSubmissions.Add(submission);
        await SubmissionClients.SetAsync(db, submission.Id, input.ClientIds, cancellationToken);
        await _rules.RecordTriggersAsync(submission, before: null, followUpBefore: null, bodyBefore: null, viewer.UserId, cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(InternationalAuditActions.SubmissionCreated, "submission", submission.Id.ToString(),
            new { caseId, reference = c.Reference, values = SubmissionRules.AuditValues(submission), clients = SubmissionClients.AuditValue(input.ClientIds) }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return FormOutcome.Saved(submission.Id);
    }
}
