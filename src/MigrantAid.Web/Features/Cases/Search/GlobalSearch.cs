using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Cases.CaseList;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Cases.Search;

public enum SearchOutcome
{
    /// <summary>Nothing was typed.</summary>
    Empty,

    /// <summary>Fewer than <see cref="GlobalSearchQuery.MinLength"/> characters.</summary>
    TooShort,

    /// <summary>More than <see cref="GlobalSearchQuery.MaxLength"/> characters: refused, never cut in silence.</summary>
    TooLong,
    Searched,
}

public sealed record SearchCaseRow(Guid Id, string Reference, string Title, CaseStatus Status, DateOnly OpenedOn, bool IsSealed = false);

public sealed record SearchClientRow(Guid Id, string FullName, string LatinName, DateOnly? BirthDate, int? BirthYear, string? Citizenship);

/// <summary>The results page: at most <see cref="GlobalSearchHandler.PerGroup"/> of each group, and whether there are more.</summary>
public sealed record GlobalSearchModel(
    string Text, SearchOutcome Outcome, IReadOnlyList<SearchCaseRow> Cases, bool MoreCases, IReadOnlyList<SearchClientRow> Clients, bool MoreClients)
{
    public string CasesUrl => new CaseListQuery { Q = Text, Scope = "all" }.ToUrl("/cases");

    public string ClientsUrl => "/clients?q=" + Uri.EscapeDataString(Text);
}

/// <summary>
/// The top bar's search, from every page: cases by reference, by a client's name in any script or by a
/// respondent (the case list's own query, <see cref="CaseListSearch"/>, so the same access rule and the
/// same matching), and clients by name (<see cref="ClientFinder"/>, the client list's search). Two reads,
/// each cut at <see cref="PerGroup"/> + 1 rows, and one audit event naming what was shown.
/// </summary>
public sealed class GlobalSearchHandler(AppDbContext db, IAuditLog audit)
{
    public const int PerGroup = 10;

    public async Task<GlobalSearchModel> HandleAsync(string? q, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var text = q?.Trim() ?? "";
        if (text.Length > GlobalSearchQuery.MaxLength)
        {
            return new GlobalSearchModel(text, SearchOutcome.TooLong, [], false, [], false);
        }

        if (text.Length < GlobalSearchQuery.MinLength)
        {
            return new GlobalSearchModel(text, text.Length == 0 ? SearchOutcome.Empty : SearchOutcome.TooShort, [], false, [], false);
        }

        // Every case the viewer may see ("all", not only their own), as the case list searches it.
        var filter = CaseListFilter.Parse(new CaseListQuery { Q = text, Scope = "all" }, viewer);
        var cases = await CaseListSearch.Ordered(await CaseListSearch.FilterAsync(db, viewer, filter, cancellationToken), filter)
            .TakeFixed(PerGroup + 1)
            .Select(c => new SearchCaseRow(c.Id, c.Reference, c.Title, c.Status, c.OpenedOn, c.IsSealed))
            .ToListAsync(cancellationToken);
        var clients = (await ClientFinder.FindAsync(db, viewer, text, null, null, null, PerGroup + 1, cancellationToken))
            .Select(c => new SearchClientRow(c.Id, c.FullName, c.LatinName, c.BirthDate, c.BirthYear, c.Citizenship))
            .ToList();

        var model = new GlobalSearchModel(text, SearchOutcome.Searched,
            cases.Take(PerGroup).ToList(), cases.Count > PerGroup, clients.Take(PerGroup).ToList(), clients.Count > PerGroup);
        await audit.RecordAsync(SearchAuditActions.Searched, "search", null, new
        {
            cases = model.Cases.Select(c => c.Id),
            clients = model.Clients.Select(c => c.Id),
        }, cancellationToken: cancellationToken);
        return model;
    }
}
