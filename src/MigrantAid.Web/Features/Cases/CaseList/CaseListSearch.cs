using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>
/// The case list's query, shared by the page and the CSV export: the viewer's visible cases
/// (<see cref="CaseAccess.VisibleCases"/>), narrowed by the filters and the search, in the chosen order,
/// after the keyset position. Every narrowing that crosses to another table is an <c>IN (subquery)</c>,
/// which PostgreSQL plans as a semi-join driven by that table's index (case_categories, case_lawyers,
/// clients' citizenship, the name-word tables), and the sorts walk the cases' (key…, id) indexes.
/// </summary>
public static class CaseListSearch
{
    public static async Task<IQueryable<Case>> FilterAsync(AppDbContext db, Viewer viewer, CaseListFilter filter, CancellationToken cancellationToken = default) =>
        (await FilterCountingAsync(db, viewer, filter, cancellationToken)).Cases;

    /// <summary>The filtered cases, and whether a name typed in the search matches too many cases to count.</summary>
    public static async Task<FilteredCases> FilterCountingAsync(
        AppDbContext db, Viewer viewer, CaseListFilter filter, CancellationToken cancellationToken = default, int countable = CaseNameMatching.CountableMatches)
    {
        var cases = db.Cases.AsNoTracking().Where(CaseAccess.VisibleCases(viewer, db));
        cases = ByRelatedRows(db, viewer, ByOwnColumns(cases, filter), filter);
        if (filter.Search is not { } search)
        {
            return new FilteredCases(cases, false);
        }

        var found = await CaseNameMatching.MatchingAsync(db, viewer, search, cancellationToken, countable);
        return new FilteredCases(found.Narrow(cases), found.NameTooCommon);
    }

    /// <summary>The filters on the case's own columns.</summary>
    private static IQueryable<Case> ByOwnColumns(IQueryable<Case> cases, CaseListFilter filter)
    {
        if (filter.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (filter.ActiveOnly)
        {
            cases = cases.Where(c => c.Status != CaseStatus.Closed);
        }

        if (filter.LeadLawyerId is { } lead)
        {
            cases = cases.Where(c => c.LeadLawyerId == lead);
        }

        if (filter.ClosedFrom is { } closedFrom)
        {
            cases = cases.Where(c => c.ClosedOn >= closedFrom);
        }

        if (filter.ClosedTo is { } closedTo)
        {
            cases = cases.Where(c => c.ClosedOn <= closedTo);
        }

        if (filter.OfficeId is { } office)
        {
            cases = cases.Where(c => c.OfficeId == office);
        }

        if (filter.CaseworkerId is { } caseworker)
        {
            cases = cases.Where(c => c.CaseworkerId == caseworker);
        }

        if (filter.UrgentOnly)
        {
            cases = cases.Where(c => c.IsUrgent);
        }

        if (filter.From is { } from)
        {
            cases = cases.Where(c => c.OpenedOn >= from);
        }

        return filter.To is { } to ? cases.Where(c => c.OpenedOn <= to) : cases;
    }

    /// <summary>The filters that cross to another table (assignments, categories, lawyers, the principal client), each an <c>IN (subquery)</c>.</summary>
    private static IQueryable<Case> ByRelatedRows(AppDbContext db, Viewer viewer, IQueryable<Case> cases, CaseListFilter filter)
    {
        if (filter.MineOnly)
        {
            var mine = AssignedTo(db, viewer.UserId);
            cases = cases.Where(c => mine.Contains(c.Id));
        }

        if (filter.CategoryId is { } category)
        {
            var inCategory = db.CaseCategories.Where(cc => cc.CategoryId == category).Select(cc => cc.CaseId);
            cases = cases.Where(c => inCategory.Contains(c.Id));
        }

        if (filter.LawyerId is { } lawyer)
        {
            var lawyers = db.Cases.Where(k => k.LeadLawyerId == lawyer).Select(k => k.Id)
                .Union(db.CaseLawyers.Where(l => l.UserId == lawyer).Select(l => l.CaseId));
            cases = cases.Where(c => lawyers.Contains(c.Id));
        }

        if (PrincipalClients(db, filter) is { } clients)
        {
            cases = cases.Where(c => clients.Contains(c.PrincipalClientId));
        }

        return cases;
    }

    /// <summary>The clients the principal client must be one of (citizenship, none recorded, situation); null when no such filter is set.</summary>
    private static IQueryable<Guid>? PrincipalClients(AppDbContext db, CaseListFilter filter)
    {
        if (!filter.NoCitizenshipOnly && filter.Citizenship is null && filter.Situation is null)
        {
            return null;
        }

        var clients = db.Clients.AsQueryable();
        if (filter.NoCitizenshipOnly)
        {
            clients = clients.Where(cl => cl.Citizenship == null);
        }

        if (filter.Citizenship is { } citizenship)
        {
            clients = clients.Where(cl => cl.Citizenship == citizenship);
        }

        return (filter.Situation is { } situation ? clients.In(situation) : clients).Select(cl => cl.Id);
    }

    /// <summary>
    /// The filtered cases in the chosen order, starting after the keyset position (no OFFSET); with a
    /// "before" position, the rows before it in the opposite order (the caller turns the page round).
    /// </summary>
    public static IQueryable<Case> Ordered(IQueryable<Case> cases, CaseListFilter filter)
    {
        var back = filter.Before is not null;
        var at = filter.Before ?? filter.After;
        switch (filter.Sort)
        {
            case CaseListSort.Oldest:
                return Ascending(cases, at, back);
            case CaseListSort.Reference:
                // References are unique: the reference alone is the keyset (index ix_cases_reference).
                if (at is not null)
                {
                    var reference = at.Reference;
                    cases = back ? cases.Where(c => string.Compare(c.Reference, reference) < 0) : cases.Where(c => string.Compare(c.Reference, reference) > 0);
                }

                return back ? cases.OrderByDescending(c => c.Reference) : cases.OrderBy(c => c.Reference);
            case CaseListSort.Priority:
                return ByPriority(cases, at, back);
            default:
                return Descending(cases, at, back);
        }
    }

    private static IQueryable<Case> Ascending(IQueryable<Case> cases, CaseListPosition? at, bool back)
    {
        if (at is not null)
        {
            cases = back
                ? cases.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.OpenedOn, c.Id), ValueTuple.Create(at.OpenedOn, at.Id)))
                : cases.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.OpenedOn, c.Id), ValueTuple.Create(at.OpenedOn, at.Id)));
        }

        return back ? cases.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id) : cases.OrderBy(c => c.OpenedOn).ThenBy(c => c.Id);
    }

    /// <summary>Newest first: the oldest-first walk run the other way (its "back" is this one's "forward").</summary>
    private static IQueryable<Case> Descending(IQueryable<Case> cases, CaseListPosition? at, bool back) => Ascending(cases, at, !back);

    private static IQueryable<Case> ByPriority(IQueryable<Case> cases, CaseListPosition? at, bool back)
    {
        if (at is not null)
        {
            cases = back
                ? cases.Where(c => EF.Functions.GreaterThan(ValueTuple.Create(c.Priority, c.OpenedOn, c.Id), ValueTuple.Create(at.Priority, at.OpenedOn, at.Id)))
                : cases.Where(c => EF.Functions.LessThan(ValueTuple.Create(c.Priority, c.OpenedOn, c.Id), ValueTuple.Create(at.Priority, at.OpenedOn, at.Id)));
        }

        return back
            ? cases.OrderBy(c => c.Priority).ThenBy(c => c.OpenedOn).ThenBy(c => c.Id)
            : cases.OrderByDescending(c => c.Priority).ThenByDescending(c => c.OpenedOn).ThenByDescending(c => c.Id);
    }

    /// <summary>Cases the user works on (<see cref="CaseAccess.AssignedCaseIds"/>).</summary>
    public static IQueryable<Guid> AssignedTo(AppDbContext db, Guid userId) => CaseAccess.AssignedCaseIds(db, userId);
}

/// <summary>The case list's filtered cases; <paramref name="NameTooCommon"/> when the typed name matches more cases than the list counts.</summary>
public sealed record FilteredCases(IQueryable<Case> Cases, bool NameTooCommon);
