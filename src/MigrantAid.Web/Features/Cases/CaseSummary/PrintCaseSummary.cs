using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Features.Cases.Deadlines;
using MigrantAid.Web.Features.Cases.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.CaseSummary;

/// <summary>A client as printed: the name as written in its own script and in Latin letters; <paramref name="Restricted"/> hides both.</summary>
public sealed record SummaryClient(string FullName, string? Patronymic, string LatinName, CaseClientRole Role, bool Restricted);

public sealed record SummarySubmission(InternationalBody Body, SubmissionKind Kind, string StateConcerned, DateOnly SubmittedOn,
    DateOnly? InterimMeasuresOn, DateOnly? FinalDecisionOn, string? BodyReference, SubmissionResult Result);

public sealed record SummaryNote(DateTime Local, NoteKind? Kind, string Text);

/// <summary>What the one-page summary of a case for a hearing shows.</summary>
public sealed class CaseSummaryModel
{
    public Guid Id { get; init; }

    public string Reference { get; init; } = "";

    public string Title { get; init; } = "";

    public CaseStatus Status { get; init; }

    public string OfficeName { get; init; } = "";

    public DateOnly OpenedOn { get; init; }

    public DateOnly Today { get; init; }

    public string? LeadLawyerName { get; init; }

    public string? CaseworkerName { get; init; }

    public IReadOnlyList<SummaryClient> Clients { get; init; } = [];

    /// <summary>Null when the complaint is hidden from this viewer (a client withdrew or refused consent).</summary>
    public IReadOnlyList<RespondentRow>? Respondents { get; init; }

    public CaseProceedingsModel Proceedings { get; init; } = new();

    public IReadOnlyList<DeadlineItem> OpenDeadlines { get; init; } = [];

    public IReadOnlyList<SummarySubmission> Submissions { get; init; } = [];

    /// <summary>The user asked for the client's account and the notes (they are left out otherwise).</summary>
    public bool IncludeAccount { get; init; }

    public string? Account { get; init; }

    public string? ClientWishes { get; init; }

    public IReadOnlyList<SummaryNote> Notes { get; init; } = [];

    /// <summary>Who printed it and when, in the printed footer (issue 15, point 6); set by the controller from the signed-in user.</summary>
    public Exporter? PrintedBy { get; set; }
}

/// <summary>
/// Reads the printable summary of a case for a viewer allowed to see the case (null otherwise, answered 404).
/// Narratives (the client's account, wishes and the case notes) are read only when asked for. Each print is
/// audited as a view of the case, under its own action.
/// </summary>
public sealed class PrintCaseSummaryHandler(
    AppDbContext db, IAuthorizationService authorization, IAuditLog audit, TimeProvider clock,
    ReadCaseProceedingsHandler proceedings, ListCaseDeadlinesHandler deadlines)
{
    /// <summary>A page for a hearing: the newest notes and submissions, not the whole file.</summary>
    public const int MaxNotes = 30;

    public const int MaxSubmissions = 10;

    public async Task<CaseSummaryModel?> HandleAsync(Guid id, bool includeAccount, Viewer viewer, CancellationToken ct = default)
    {
        var (found, result) = await authorization.LoadCaseAsync(db, viewer, id, CaseOperations.View, track: false, ct);
        if (result != CaseGateResult.Allowed || found is not { } c)
        {
            return null;
        }

        var office = await db.Offices.AsNoTracking().Where(o => o.Id == c.OfficeId).Select(o => new { o.Name, o.TimeZoneId }).FirstAsync(ct);
        var time = OfficeTime.For(office.TimeZoneId);

        var clientIds = c.Clients.Select(x => x.ClientId).ToList();
        var clientRows = await db.Clients.AsNoTracking().Where(x => clientIds.Contains(x.Id))
            .Select(x => new { x.Id, x.FullName, x.Patronymic, x.LatinName, x.ConsentStatus }).ToListAsync(ct);
        var hidden = clientRows.Any(row => !ClientAccess.ShowsName(c, row.ConsentStatus, viewer));
        var clients = c.Clients
            .Join(clientRows, link => link.ClientId, row => row.Id, (link, row) =>
                !ClientAccess.ShowsName(c, row.ConsentStatus, viewer)
                    ? new SummaryClient("", null, "", link.Role, Restricted: true)
                    : new SummaryClient(row.FullName, row.Patronymic, row.LatinName, link.Role, Restricted: false))
            .OrderBy(x => x.Role).ThenBy(x => x.FullName, StringComparer.CurrentCulture)
            .ToList();

        var intake = hidden ? null : await db.Intakes.AsNoTracking().Include(i => i.Respondents).FirstOrDefaultAsync(i => i.Id == c.IntakeId, ct);
        var names = await StaffDirectory.NamesAsync(db, new[] { c.CaseworkerId, c.LeadLawyerId }.Where(x => x is not null).Select(x => x!.Value), ct);
        var withAccount = includeAccount && !hidden;

        await audit.RecordAsync(CaseAuditActions.CaseSummaryPrinted, "case", id.ToString(), new { reference = c.Reference, account = withAccount }, cancellationToken: ct);

        return new CaseSummaryModel
        {
            Id = c.Id,
            Reference = c.Reference,
            Title = c.Title,
            Status = c.Status,
            OfficeName = office.Name,
            OpenedOn = c.OpenedOn,
            Today = time.Today(clock.GetUtcNow()),
            LeadLawyerName = c.LeadLawyerId is { } lead ? names.GetValueOrDefault(lead) : null,
            CaseworkerName = c.CaseworkerId is { } worker ? names.GetValueOrDefault(worker) : null,
            Clients = clients,
            Respondents = intake?.Respondents.OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => new RespondentRow(r.Name, r.Type, r.Sector)).ToList(),
            Proceedings = await proceedings.HandleAsync(id, ct),
            OpenDeadlines = (await deadlines.HandleAsync(id, viewer, ct)).Open.Items,
            Submissions = await SubmissionsAsync(id, ct),
            IncludeAccount = withAccount,
            Account = withAccount ? intake?.Account : null,
            ClientWishes = withAccount ? intake?.ClientWishes : null,
            Notes = withAccount ? await NotesAsync(id, time, ct) : [],
        };
    }

    private Task<List<SummarySubmission>> SubmissionsAsync(Guid caseId, CancellationToken ct) =>
        db.InternationalSubmissions.AsNoTracking().Where(s => s.CaseId == caseId)
            .OrderByDescending(s => s.SubmittedOn).ThenBy(s => s.Id)
            .TakeFixed(MaxSubmissions)
            .Select(s => new SummarySubmission(s.Body, s.Kind, s.StateConcerned, s.SubmittedOn, s.InterimMeasuresOn, s.FinalDecisionOn, s.BodyReference, s.Result))
            .ToListAsync(ct);

    private async Task<List<SummaryNote>> NotesAsync(Guid caseId, OfficeTime time, CancellationToken ct)
    {
        var notes = await db.CaseEvents.AsNoTracking().Where(e => e.CaseId == caseId && e.Kind == CaseEventKind.Note && e.Text != null)
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .TakeFixed(MaxNotes)
            .Select(e => new { e.OccurredAt, e.NoteKind, e.Text })
            .ToListAsync(ct);
        return notes.Select(n => new SummaryNote(time.Local(n.OccurredAt), n.NoteKind, n.Text!)).ToList();
    }
}
