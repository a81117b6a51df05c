using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>One line of the case list. <see cref="ClientName"/> is null when the viewer may not see that client (consent withdrawn).</summary>
public sealed record CaseListRow(
    Guid Id,
    string Reference,
    string Title,
    string? ClientName,
    CaseStatus Status,
    CasePriority Priority,
    bool IsUrgent,
    string OfficeName,
    string? LeadLawyerName,
    DateOnly OpenedOn,
    Vulnerability ClientSituation = Vulnerability.None,
    bool IsSealed = false);

/// <summary>A choice of a filter list; <see cref="Retired"/> marks a category no longer offered for new intakes.</summary>
public sealed record CaseListOption(string Value, string Text, bool Retired = false);

public sealed record CaseListModel(
    CaseListQuery Query,
    CaseListFilter Filter,
    IReadOnlyList<CaseListRow> Rows,
    string? NextAfter,
    IReadOnlyList<CaseListOption> Offices,
    IReadOnlyList<CaseListOption> Categories,
    IReadOnlyList<CaseListOption> Lawyers,
    IReadOnlyList<CaseListOption> Caseworkers,
    bool CanExport)
{
    /// <summary>The "Previous page" position (the first row's key); null on the first page.</summary>
    public string? PreviousBefore { get; init; }

    public Shared.ListTotal? Total { get; init; }

    /// <summary>The people the reassignment form offers; null unless a coordinator opened the reassignment mode.</summary>
    public ReassignChoices? Reassign { get; init; }

    /// <summary>The name of the lead lawyer the dashboard's link filters on; null when none (or unknown).</summary>
    public string? LeadName { get; init; }
}

/// <summary>One page (25 rows) of the cases the viewer may see, filtered, searched and sorted; keyset-paged.</summary>
public sealed class ListCasesHandler(AppDbContext db, Shared.ListTotalHandler totals, ReassignCasesHandler reassign, IConfiguration configuration)
{
    public const int PageSize = 25;

    /// <summary>How many cases a name typed in the search may match and still be counted ("Lists:CountableNameMatches").</summary>
    private readonly int _countableNameMatches = Math.Max(1, configuration.GetValue("Lists:CountableNameMatches", CaseNameMatching.CountableMatches));

    public async Task<CaseListModel> HandleAsync(CaseListQuery query, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var filter = CaseListFilter.Parse(query, viewer);

        // The page is cut first (keyset, LIMIT 26), then joined to its client and office by primary key.
        // A "before" position reads the rows before it backwards; the page is turned round below.
        var (filtered, nameTooCommon) = await CaseListSearch.FilterCountingAsync(db, viewer, filter, cancellationToken, _countableNameMatches);
        var cut = CaseListSearch.Ordered(filtered, filter).TakeFixed(PageSize + 1);
        var page = await (
                from c in cut
                join cl in ClientAccess.PrincipalClients(db, viewer.UserId, viewer.IsCoordinator) on c.Id equals cl.CaseId
                join o in db.Offices on c.OfficeId equals o.Id
                select new
                {
                    c.Id,
                    c.Reference,
                    c.Title,
                    c.Status,
                    c.Priority,
                    c.IsUrgent,
                    c.IsSealed,
                    c.OpenedOn,
                    Office = o.Name,
                    OfficeId = o.Id,
                    Lead = db.Users.Where(u => u.Id == c.LeadLawyerId).Select(u => u.FullName).FirstOrDefault(),
                    Client = cl.Name,
                    cl.Vulnerabilities,
                })
            .ToListAsync(cancellationToken);

        var backwards = filter.Before is not null;
        var rows = page.Take(PageSize)
            .Select(c => new CaseListRow(c.Id, c.Reference, c.Title,
                c.Client, c.Status, c.Priority, c.IsUrgent, c.Office, c.Lead, c.OpenedOn, c.Vulnerabilities, c.IsSealed))
            .ToList();
        if (backwards)
        {
            rows.Reverse();
        }

        // Going forward, there is a previous page whenever the page did not start at the top; going back,
        // when more rows were read than shown, and the row the user came from is always next.
        var more = page.Count > PageSize;
        string? Token(CaseListRow row) => CaseListFilter.PositionToken(filter.Sort, row.Priority, row.OpenedOn, row.Reference, row.Id);
        var next = rows.Count > 0 && (backwards || more) ? Token(rows[^1]) : null;
        var previous = rows.Count > 0 && (backwards ? more : filter.After is not null) ? Token(rows[0]) : null;

        // The people filters are a type-ahead (/people/suggest): the page names only the people already chosen.
        var chosen = await StaffDirectory.NamesAsync(db, new[] { filter.LawyerId, filter.CaseworkerId, filter.LeadLawyerId }.OfType<Guid>(), cancellationToken);
        IReadOnlyList<CaseListOption> Chosen(Guid? id) =>
            id is { } person && chosen.TryGetValue(person, out var name) ? [new CaseListOption(person.ToString(), name)] : [];

        return new CaseListModel(query, filter, rows, next,
            await OfficesAsync(cancellationToken),
            await CategoriesAsync(cancellationToken),
            Chosen(filter.LawyerId),
            Chosen(filter.CaseworkerId),
            viewer.IsCoordinator)
        {
            LeadName = filter.LeadLawyerId is { } lead ? chosen.GetValueOrDefault(lead) : null,
            PreviousBefore = previous,
            Total = nameTooCommon
                ? new Shared.ListTotal(_countableNameMatches, true, _countableNameMatches, "caseName")
                : await totals.CountAsync(filtered, "case", cancellationToken),
            Reassign = viewer.IsCoordinator && query.Reassign ? await reassign.ChoicesAsync(ReassignOffices(filter, viewer, page.Select(c => c.OfficeId)), cancellationToken) : null,
        };
    }

    private static IReadOnlyCollection<Guid> ReassignOffices(CaseListFilter filter, Viewer viewer, IEnumerable<Guid> listed) =>
        filter.OfficeId is { } office ? [office] : viewer.OfficeId is { } own ? [own] : listed.Distinct().ToList();

    // The filters' fixed reads, sent on every request of the list: compiled once (ADR 0027), not prepared anew each time.
    private static readonly CompiledForModel<Func<AppDbContext, IAsyncEnumerable<OfficeOption>>> OfficeOptions = new(() =>
        EF.CompileAsyncQuery((AppDbContext db) => db.Offices.AsNoTracking().OrderBy(o => o.Name).Select(o => new OfficeOption(o.Id, o.Name))));

    private static readonly CompiledForModel<Func<AppDbContext, IAsyncEnumerable<ComplaintCategory>>> CategoryOptions = new(() =>
        EF.CompileAsyncQuery<AppDbContext, ComplaintCategory>(db => db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id)));

    private async Task<IReadOnlyList<CaseListOption>> OfficesAsync(CancellationToken cancellationToken) =>
        await OfficeOptions.For(db)(db).Select(o => new CaseListOption(o.Id.ToString(), o.Name)).ToListAsync(cancellationToken);

    /// <summary>Every category, in the user's language; retired ones stay filterable because old cases carry them.</summary>
    private async Task<IReadOnlyList<CaseListOption>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return await CategoryOptions.For(db)(db)
            .Select(c => new CaseListOption(c.Id.ToString(CultureInfo.InvariantCulture), c.Name(language), !c.IsActive))
            .ToListAsync(cancellationToken);
    }
}

internal sealed record OfficeOption(Guid Id, string Name);
