using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Shared;
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

    public async Task<(SubmissionInput? Input, CaseGateResult Result)> NewAsync(Guid caseId, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, caseId, CaseOperations.Edit, track: false, cancellationToken);
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

    public async Task<(CaseChangeOutcome Outcome, Guid? Id)> HandleAsync(Guid caseId, SubmissionInput input, ClaimsPrincipal user, ModelStateDictionary modelState, CancellationToken cancellationToken = default)
    {
        var (c, result) = await CaseGate.LoadAsync(db, authorization, user, caseId, CaseOperations.Edit, track: false, cancellationToken);
        if (c is null)
        {
            return (result == CaseGateResult.Forbidden ? CaseChangeOutcome.Forbidden : CaseChangeOutcome.NotFound, null);
        }

        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken)).Today(now);
        var valid = _rules.Check(input, today, modelState);
        await _rules.DescribeAsync(input, c, cancellationToken);
        if (!SubmissionClients.Check(input, modelState, l) || !valid)
        {
            return (CaseChangeOutcome.Invalid, null);
        }

        var submission = new InternationalSubmission(caseId, user.Id(), now);
        SubmissionRules.Apply(input, submission);
        db.InternationalSubmissions.Add(submission);
        await SubmissionClients.SetAsync(db, submission.Id, input.ClientIds, cancellationToken);
        await _rules.RecordTriggersAsync(submission, before: null, followUpBefore: null, bodyBefore: null, user.Id(), cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(InternationalAuditActions.SubmissionCreated, "submission", submission.Id.ToString(),
            new { caseId, reference = c.Reference, values = SubmissionRules.AuditValues(submission), clients = SubmissionClients.AuditValue(input.ClientIds) }, cancellationToken: cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CaseChangeOutcome.Saved, submission.Id);
    }
}
