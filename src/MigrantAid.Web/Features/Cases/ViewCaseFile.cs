using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases;

/// <summary>A client on the case; <paramref name="Restricted"/> hides the name (consent withdrawn, viewer not assigned).</summary>
public sealed record CaseClientRow(Guid Id, string FullName, string? Patronymic, CaseClientRole Role, bool Restricted = false, Vulnerability Vulnerabilities = Vulnerability.None);

public sealed record CaseDocumentRow(Guid Id, string FileName, long Size, string Sha256, string UploadedBy, DateTime UploadedAt);

/// <summary>Everything the case page shows, read for one viewer.</summary>
public sealed class CaseFileModel
{
    /// <summary>ViewData key of a message for the upload form's file field, when the page answers a refused upload.</summary>
    public const string DocumentErrorKey = "DocumentError";

    /// <summary>The case as authorized for this viewer: what the page's sections are given, never a bare id.</summary>
    public AuthorizedCase Access { get; init; } = null!;

    public Guid Id { get; init; }

    public string Reference { get; init; } = "";

    public string Title { get; init; } = "";

    public CaseStatus Status { get; init; }

    public CasePriority Priority { get; init; }

    public bool IsUrgent { get; init; }

    public bool IsConfidential { get; init; }

    /// <summary>When the case was anonymised by the retention schedule or an erasure (issue 15).</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>Sealed (issue 15): only <see cref="SealedNames"/> may open it.</summary>
    public bool IsSealed { get; init; }

    public IReadOnlyList<string> SealedNames { get; init; } = [];

    /// <summary>Coordinators seal the case, change who is named and lift the seal.</summary>
    public bool CanSeal { get; init; }

    public string OfficeName { get; init; } = "";

    public string TimeZoneId { get; init; } = "";

    public DateOnly OpenedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public CaseOutcome? Outcome { get; init; }

    public string? OutcomeNote { get; init; }

    public uint Version { get; init; }

    public IReadOnlyList<CaseClientRow> Clients { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    public ComplaintView? Complaint { get; init; }

    /// <summary>The complaint exists but is hidden from this viewer (a client withdrew or refused consent).</summary>
    public bool ComplaintHidden { get; init; }

    public string? CaseworkerName { get; init; }

    public string? LeadLawyerName { get; init; }

    public IReadOnlyList<string> LawyerNames { get; init; } = [];

    public IReadOnlyList<CaseDocumentRow> Documents { get; init; } = [];

    public TimelinePage Timeline { get; init; } = new([], null);

    /// <summary>The timeline page asked for (null: the newest).</summary>
    public long? Before { get; init; }

    public bool CanAssign { get; init; }

    /// <summary>The note form: empty, or what was typed when the note was refused.</summary>
    public AddNoteInput Note { get; set; } = new();
}

/// <summary>Reads the case file for a viewer allowed to see it; each view is audited.</summary>
public sealed class ViewCaseFileHandler(AppDbContext db, IAuthorizationService authorization, IAuditLog audit)
{
    public const int MaxDocuments = 200;

    public async Task<CaseFileModel?> HandleAsync(Guid id, long? before, Viewer viewer, CancellationToken cancellationToken = default)
    {
        if (await authorization.ViewCaseAsync(db, viewer, id, cancellationToken) is not { } access)
        {
            return null;
        }

        var c = access.Record;
        var head = await HeadAsync(c, cancellationToken);
        var time = OfficeTime.Remember(db, c.OfficeId, c.Id, head.TimeZoneId);
        var (clients, complaintHidden) = Clients(c, head.Clients, viewer);
        var documents = head.Documents;
        var people = People(c, documents.Select(d => d.UploadedBy));
        var timeline = await CaseTimeline.ReadAsync(db, id, before, time, people, head.Clients.ToDictionary(x => x.Id, x => x.DisplayName), cancellationToken);
        var name = await NamesAsync(people, cancellationToken);
        var complaint = complaintHidden ? null : await ComplaintAsync(c.IntakeId, cancellationToken);

        await audit.RecordAsync(CaseAuditActions.CaseViewed, "case", id.ToString(), new { reference = c.Reference, before }, cancellationToken: cancellationToken);

        return new CaseFileModel
        {
            Access = access,
            Id = c.Id,
            Reference = c.Reference,
            Title = c.Title,
            Status = c.Status,
            Priority = c.Priority,
            IsUrgent = c.IsUrgent,
            IsConfidential = c.IsConfidential,
            AnonymisedAt = c.AnonymisedAt,
            IsSealed = c.IsSealed,
            SealedNames = c.SealedPeople.Select(p => name(p.UserId) ?? "?").Order(StringComparer.CurrentCulture).ToList(),
            CanSeal = CaseAccess.CanSeal(c, viewer),
            OfficeName = head.OfficeName,
            TimeZoneId = time.ZoneId,
            OpenedOn = c.OpenedOn,
            ClosedOn = c.ClosedOn,
            Outcome = c.Outcome,
            OutcomeNote = c.OutcomeNote,
            Version = c.Version,
            Clients = clients,
            Categories = head.Categories,
            Complaint = complaint,
            ComplaintHidden = complaintHidden,
            CaseworkerName = name(c.CaseworkerId),
            LeadLawyerName = name(c.LeadLawyerId),
            LawyerNames = c.Lawyers.Select(l => name(l.UserId) ?? "?").Order(StringComparer.CurrentCulture).ToList(),
            Documents = documents.Select(d => new CaseDocumentRow(d.Id, d.FileName, d.Size, d.Sha256, name(d.UploadedBy) ?? "?", time.Local(d.UploadedAt))).ToList(),
            Timeline = timeline,
            Before = before,
            CanAssign = CaseAccess.CanAssign(c, viewer),
        };
    }

    /// <summary>
    /// The case's office (name, time zone), its categories in the user's language, its clients' rows and its newest documents'
    /// metadata, in one statement: a case has a few of each (issue 14).
    /// </summary>
    private Task<CaseHead> HeadAsync(Case c, CancellationToken cancellationToken)
    {
        var (id, officeId, clientIds) = (c.Id, c.OfficeId, c.Clients.Select(x => x.ClientId).ToList());
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return db.Offices.AsNoTracking().Where(o => o.Id == officeId)
            .Select(o => new CaseHead(
                o.Name,
                o.TimeZoneId,
                db.CaseCategories.Where(x => x.CaseId == id)
                    .Join(db.ComplaintCategories, x => x.CategoryId, k => k.Id, (x, k) => k)
                    .OrderBy(k => k.SortOrder)
                    .Select(k => language == "ru" ? k.NameRu : k.NameEn).ToList(),
                db.Clients.Where(x => clientIds.Contains(x.Id))
                    .Select(x => new CaseClientStored(x.Id, x.FullName, x.Patronymic, x.ConsentStatus, x.Vulnerabilities)).ToList(),
                db.CaseDocuments.Where(d => d.CaseId == id)
                    .OrderByDescending(d => d.UploadedAt).ThenBy(d => d.Id)
                    .Take(MaxDocuments)
                    .Select(d => new CaseDocumentStored(d.Id, d.FileName, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt)).ToList()))
            .AsSingleQuery()
            .FirstAsync(cancellationToken);
    }

    /// <summary>
    /// The case's clients. A client who withdrew or refused consent is shown by name only to coordinators and the
    /// case's assigned people; so is the complaint in the client's own words (hidden when any client is).
    /// </summary>
    private static (List<CaseClientRow> Clients, bool ComplaintHidden) Clients(Case c, List<CaseClientStored> clientRows, Viewer viewer)
    {
        var complaintHidden = clientRows.Any(row => !ClientAccess.ShowsName(c, row.ConsentStatus, viewer));
        var clients = c.Clients
            .Join(clientRows, link => link.ClientId, row => row.Id, (link, row) =>
                !ClientAccess.ShowsName(c, row.ConsentStatus, viewer)
                    ? new CaseClientRow(row.Id, "", null, link.Role, Restricted: true)
                    : new CaseClientRow(row.Id, row.FullName, row.Patronymic, link.Role, Vulnerabilities: row.Vulnerabilities))
            .OrderBy(x => x.Role).ThenBy(x => x.FullName, StringComparer.CurrentCulture)
            .ToList();
        return (clients, complaintHidden);
    }

    private sealed record CaseHead(string OfficeName, string TimeZoneId, List<string> Categories, List<CaseClientStored> Clients, List<CaseDocumentStored> Documents);

    /// <summary>A document's metadata (never its bytes).</summary>
    private sealed record CaseDocumentStored(Guid Id, string FileName, long Size, string Sha256, Guid UploadedBy, DateTimeOffset UploadedAt);

    /// <summary>A client of the case as stored (before the consent rule decides what the viewer sees).</summary>
    private sealed record CaseClientStored(Guid Id, string FullName, string? Patronymic, ConsentStatus ConsentStatus, Vulnerability Vulnerabilities)
    {
        public string DisplayName => Patronymic == null ? FullName : FullName + " " + Patronymic;
    }

    /// <summary>The complaint as the intake recorded it (null if the intake is gone).</summary>
    private async Task<ComplaintView?> ComplaintAsync(Guid intakeId, CancellationToken cancellationToken)
    {
        var intake = await db.Intakes.AsNoTracking().Include(i => i.Respondents).FirstOrDefaultAsync(i => i.Id == intakeId, cancellationToken);
        return intake is null
            ? null
            : new ComplaintView(intake.IncidentCountry, intake.IncidentCity, intake.IncidentFrom, intake.IncidentTo, intake.Account, intake.ClientWishes,
                intake.Respondents.OrderBy(r => r.Name, StringComparer.CurrentCulture).Select(r => new RespondentRow(r.Name, r.Type, r.Sector)).ToList());
    }

    /// <summary>The staff the page names: the case's people and the documents' uploaders.</summary>
    private static List<Guid> People(Case c, IEnumerable<Guid> uploaders) =>
        c.Lawyers.Select(l => l.UserId).Concat(uploaders).Concat(c.SealedPeople.Select(p => p.UserId))
            .Concat(new[] { c.CaseworkerId, c.LeadLawyerId }.Where(x => x is not null).Select(x => x!.Value)).ToList();

    /// <summary>Their names ("?" for someone unknown), already read with the timeline's.</summary>
    private async Task<Func<Guid?, string?>> NamesAsync(List<Guid> people, CancellationToken cancellationToken)
    {
        var names = await StaffDirectory.NamesAsync(db, people, cancellationToken);
        return userId => userId is { } u ? names.GetValueOrDefault(u, "?") : null;
    }
}
