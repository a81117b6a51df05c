using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Clients;

public sealed record AliasRow(Guid Id, string Name, string? Note);

public sealed record ContactRow(Guid Id, ContactChannel Channel, string Value, bool SafeToContact, string? Note);

public sealed record DocumentRow(Guid Id, MigrationDocumentType Type, string? Number, string? IssuingCountry, DateOnly? IssuedOn, DateOnly? ExpiresOn, DocumentValidity Validity);

public sealed record StayRow(Guid Id, string Country, DateOnly EntryDate, DateOnly? ExitDate);

public sealed record ConsentRow(ConsentStatus Status, DateOnly Date, string? Scope, string? RecordedBy, DateTime RecordedAtLocal);

/// <summary>A family member; <see cref="Name"/> is null when the viewer may not see that record.</summary>
public sealed record FamilyRow(Guid RelatedClientId, FamilyRelation Relation, string? Name);

public sealed record ClientCaseRow(Guid Id, string Reference, CaseStatus Status, CaseClientRole Role);

public sealed record ClientPage(
    Guid Id,
    string FullName,
    string? Patronymic,
    string LatinName,
    DateOnly? BirthDate,
    int? BirthYear,
    Sex Sex,
    string? Citizenship,
    string? Languages,
    string? CurrentCountry,
    string? CurrentCity,
    Vulnerability Vulnerabilities,
    ConsentStatus ConsentStatus,
    string OfficeName,
    DateTime CreatedAtLocal,
    IReadOnlyList<AliasRow> Aliases,
    IReadOnlyList<ContactRow> Contacts,
    IReadOnlyList<DocumentRow> Documents,
    IReadOnlyList<StayRow> Stays,
    StayCalculator.Result? RussiaStay,
    IReadOnlyList<ConsentRow> Consents,
    IReadOnlyList<FamilyRow> Family,
    IReadOnlyList<ClientCaseRow> Cases,
    DateOnly Today,
    string TimeZoneId)
{
    /// <summary>A separated child's date of separation, if recorded.</summary>
    public DateOnly? SeparatedOn { get; init; }

    /// <summary>The parent or country a separated child was separated from, as typed.</summary>
    public string? SeparatedFrom { get; init; }

    /// <summary>The proof the page's sections take (the client's submissions): the client as the viewer was authorized for it.</summary>
    public AuthorizedClient? Access { get; init; }

    /// <summary>When the client was anonymised (issue 15); the page then shows what is left.</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>The day the client asked to be forgotten, while the request waits for their open cases.</summary>
    public DateOnly? ErasureRequestedOn { get; init; }

    /// <summary>Coordinators record requests to be forgotten.</summary>
    public bool CanRequestErasure { get; init; }
}

/// <summary>
/// The client page: everything about the person that the viewer may see, with document and
/// 90/180-day warnings computed for today in the office's time zone. Every view is audited.
/// </summary>
public sealed class ViewClientHandler(AppDbContext db, IAuditLog audit, TimeProvider clock)
{
    public const string Russia = "RU";

    private readonly ClientRecords _records = new(db, audit, clock);

    public async Task<ClientPage?> HandleAsync(Guid id, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var loaded = await AuthorizedClient.LoadAsync(db, viewer, id, clients => clients
            .Include(c => c.Aliases)
            .Include(c => c.Contacts)
            .Include(c => c.Documents)
            .Include(c => c.Stays)
            .Include(c => c.Consents)
            .AsSplitQuery(), cancellationToken);
        if (loaded is not { Access: var access, Record: var client })
        {
            return null;
        }

        var zone = await _records.TimeZoneAsync(viewer.OfficeId, client.OfficeId, cancellationToken);
        var officeName = await db.Offices.AsNoTracking().Where(o => o.Id == client.OfficeId).Select(o => o.Name).FirstAsync(cancellationToken);
        var consents = await ConsentsAsync(client, zone, cancellationToken);
        var family = await FamilyAsync(id, viewer, cancellationToken);
        var cases = await CasesAsync(id, viewer, cancellationToken);
        var page = Page(client, officeName, zone, consents, family, cases) with
        {
            Access = access,
            AnonymisedAt = client.AnonymisedAt,
            ErasureRequestedOn = client.ErasureRequestedOn,
            CanRequestErasure = viewer.IsCoordinator && !client.IsAnonymised,
        };

        await _records.RecordViewAsync(id, "client", cancellationToken);
        return page;
    }

    /// <summary>The consents, newest first, with who recorded each (in the office's time).</summary>
    private async Task<IReadOnlyList<ConsentRow>> ConsentsAsync(Client client, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var recorderIds = client.Consents.Select(c => c.RecordedBy).Distinct().ToList();
        var recorders = await db.Users.AsNoTracking().Where(u => recorderIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName, cancellationToken);
        return client.Consents
            .OrderByDescending(c => c.RecordedAt)
            .Select(c => new ConsentRow(c.Status, c.Date, c.Scope, recorders.GetValueOrDefault(c.RecordedBy),
                TimeZoneInfo.ConvertTime(c.RecordedAt, zone).DateTime))
            .ToList();
    }

    /// <summary>The family links; a relative the viewer may not see is listed without a name.</summary>
    private async Task<IReadOnlyList<FamilyRow>> FamilyAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var links = await db.FamilyLinks.AsNoTracking().Where(f => f.ClientId == id)
            .Select(f => new { f.RelatedClientId, f.Relation })
            .ToListAsync(cancellationToken);
        var relatedIds = links.Select(l => l.RelatedClientId).ToList();
        var visibleRelatives = await _records.Visible(viewer).AsNoTracking()
            .Where(c => relatedIds.Contains(c.Id))
            .Select(c => new { c.Id, c.FullName, c.Patronymic })
            .ToDictionaryAsync(c => c.Id, c => c.Patronymic == null ? c.FullName : c.FullName + " " + c.Patronymic, cancellationToken);
        return links.Select(l => new FamilyRow(l.RelatedClientId, l.Relation, visibleRelatives.GetValueOrDefault(l.RelatedClientId))).ToList();
    }

    /// <summary>The client's cases that the viewer may see, newest first.</summary>
    private async Task<IReadOnlyList<ClientCaseRow>> CasesAsync(Guid id, Viewer viewer, CancellationToken cancellationToken)
    {
        var cases = await db.CaseClients.AsNoTracking()
            .Where(cc => cc.ClientId == id)
            .Join(db.Cases.Where(CaseAccess.VisibleCases(viewer, db)), cc => cc.CaseId, k => k.Id,
                (cc, k) => new { k.Id, k.Reference, k.Status, cc.Role, k.OpenedOn })
            .OrderByDescending(k => k.OpenedOn)
            .ThenBy(k => k.Reference)
            .ToListAsync(cancellationToken);
        return cases.Select(k => new ClientCaseRow(k.Id, k.Reference, k.Status, k.Role)).ToList();
    }

    /// <summary>The page for today in the office's time zone: documents' validity and the 90/180-day count are computed for that day.</summary>
    private ClientPage Page(Client client, string officeName, TimeZoneInfo zone, IReadOnlyList<ConsentRow> consents, IReadOnlyList<FamilyRow> family,
        IReadOnlyList<ClientCaseRow> cases)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_records.Now, zone).DateTime);
        var russia = client.Stays.Where(s => s.Country == Russia).ToList();
        return new ClientPage(
            client.Id,
            client.FullName,
            client.Patronymic,
            client.LatinName,
            client.BirthDate,
            client.BirthYear,
            client.Sex,
            client.Citizenship,
            client.Languages,
            client.CurrentCountry,
            client.CurrentCity,
            client.Vulnerabilities,
            client.ConsentStatus,
            officeName,
            TimeZoneInfo.ConvertTime(client.CreatedAt, zone).DateTime,
            client.Aliases.OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => new AliasRow(a.Id, a.Name, a.Note)).ToList(),
            client.Contacts.OrderBy(c => c.Channel).Select(c => new ContactRow(c.Id, c.Channel, c.Value, c.SafeToContact, c.Note)).ToList(),
            client.Documents
                .OrderBy(d => d.ExpiresOn ?? DateOnly.MaxValue)
                .Select(d => new DocumentRow(d.Id, d.Type, d.Number, d.IssuingCountry, d.IssuedOn, d.ExpiresOn, d.ValidityOn(today)))
                .ToList(),
            client.Stays.OrderByDescending(s => s.EntryDate).Select(s => new StayRow(s.Id, s.Country, s.EntryDate, s.ExitDate)).ToList(),
            russia.Count == 0 ? null : StayCalculator.Calculate(russia.Select(s => (s.EntryDate, s.ExitDate)), today),
            consents,
            family,
            cases,
            today,
            zone.Id)
        {
            SeparatedOn = client.SeparatedOn,
            SeparatedFrom = client.SeparatedFrom,
        };
    }
}
