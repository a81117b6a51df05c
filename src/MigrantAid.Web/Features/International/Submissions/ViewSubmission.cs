using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.International.TreatyAcceptance;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.International.Submissions;

public sealed record SubmissionDeadlineRow(string Title, DateOnly DueOn, TriggerEvent? Trigger, DateOnly? TriggerDate, DeadlineStatus Status);

public sealed record SubmissionClientRow(Guid Id, string Name);

public sealed record FollowUpRoundRow(int Round, DateOnly AssessedOn, FollowUpGrade Grade, string? Note);

public sealed class SubmissionPage
{
    public IReadOnlyList<SubmissionClientRow> Clients { get; init; } = [];

    public IReadOnlyList<FollowUpRoundRow> Rounds { get; init; } = [];

    /// <summary>The user may change the case: the follow-up's actions are offered.</summary>
    public bool CanEdit { get; init; }

    public required Guid CaseId { get; init; }

    public required string Reference { get; init; }

    public required string CaseTitle { get; init; }

    public required InternationalSubmission Submission { get; init; }

    public AcceptanceNote? Acceptance { get; init; }

    public IReadOnlyList<SubmissionDeadlineRow> Deadlines { get; init; } = [];

    public string? CreatedBy { get; init; }

    public string? UpdatedBy { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? UpdatedAt { get; init; }
}

/// <summary>One submission with the deadlines its dates started; every view is audited.</summary>
public sealed class ViewSubmissionHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit)
{
    public async Task<SubmissionPage?> HandleAsync(Guid caseId, Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var (c, _) = await authorization.LoadCaseAsync(db, viewer, caseId, CaseOperations.View, track: false, cancellationToken);
        if (c is null)
        {
            return null;
        }

        var submission = await db.InternationalSubmissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.CaseId == caseId, cancellationToken);
        if (submission is null)
        {
            return null;
        }

        var deadlines = await db.CaseDeadlines.AsNoTracking()
            .Where(d => d.SourceType == SubmissionRules.SourceType && d.SourceId == id && d.CaseId == caseId)
            .OrderBy(d => d.DueOn).ThenBy(d => d.Id)
            .Select(d => new SubmissionDeadlineRow(d.Title, d.DueOn, d.Trigger, d.TriggerDate, d.Status))
            .ToListAsync(cancellationToken);
        var clients = await db.SubmissionClients.AsNoTracking().Where(sc => sc.SubmissionId == id)
            .Join(db.Clients, sc => sc.ClientId, k => k.Id, (sc, k) => new { k.Id, k.FullName, k.Patronymic })
            .OrderBy(k => k.FullName)
            .Select(k => new SubmissionClientRow(k.Id, k.Patronymic == null ? k.FullName : k.FullName + " " + k.Patronymic))
            .ToListAsync(cancellationToken);
        var rounds = await db.FollowUpRounds.AsNoTracking().Where(r => r.SubmissionId == id).OrderBy(r => r.Round)
            .Select(r => new FollowUpRoundRow(r.Round, r.AssessedOn, r.Grade, r.Note))
            .ToListAsync(cancellationToken);
        var canEdit = await viewer.AuthorizeAsync(authorization, c, CaseOperations.Edit);
        var time = await OfficeTime.OfOfficeAsync(db, c.OfficeId, cancellationToken);
        var names = await StaffDirectory.NamesAsync(db, new[] { submission.CreatedBy }.Concat(submission.UpdatedBy is { } u ? [u] : []), cancellationToken);

        await audit.RecordAsync(InternationalAuditActions.SubmissionViewed, "submission", id.ToString(), new { caseId, reference = c.Reference }, cancellationToken: cancellationToken);
        return new SubmissionPage
        {
            CaseId = caseId,
            Reference = c.Reference,
            CaseTitle = c.Title,
            Submission = submission,
            Acceptance = await ProcedureAcceptance.IndividualCommunicationsAsync(db, submission.StateConcerned, submission.Body, cancellationToken),
            Deadlines = deadlines,
            Clients = clients,
            Rounds = rounds,
            CanEdit = canEdit,
            CreatedBy = names.GetValueOrDefault(submission.CreatedBy),
            UpdatedBy = submission.UpdatedBy is { } by ? names.GetValueOrDefault(by) : null,
            CreatedAt = time.Local(submission.CreatedAt),
            UpdatedAt = submission.UpdatedAt is { } at ? time.Local(at) : null,
        };
    }
}
