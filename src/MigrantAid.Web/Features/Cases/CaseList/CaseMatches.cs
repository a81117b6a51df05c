using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>
/// What the search box found (<see cref="CaseNameMatching.MatchingAsync"/>): either every matching case's id,
/// read already, or a query the list walks in its own order; <see cref="NameTooCommon"/> when the name matches
/// more than <see cref="CaseNameMatching.CountableMatches"/> cases, which the list then does not count.
/// </summary>
public sealed class CaseMatches
{
    private readonly IReadOnlyList<Guid>? _ids;
    private readonly IQueryable<Guid>? _query;

    private CaseMatches(IReadOnlyList<Guid>? ids, IQueryable<Guid>? query, bool nameTooCommon)
    {
        _ids = ids;
        _query = query;
        NameTooCommon = nameTooCommon;
    }

    /// <summary>True when the name matches so many cases that counting them would read them all.</summary>
    public bool NameTooCommon { get; }

    /// <summary>Every matching case, by id.</summary>
    public static CaseMatches Found(IReadOnlyList<Guid> ids) => new(ids, null, false);

    /// <summary>Matches the list finds by walking its order (a reference prefix, a name matching many).</summary>
    public static CaseMatches Walking(IQueryable<Guid> query) => new(null, query, false);

    /// <summary>A common name: walked like <see cref="Walking"/>, and not counted.</summary>
    public static CaseMatches TooManyToCount(IQueryable<Guid> query) => new(null, query, true);

    /// <summary>The cases among <paramref name="cases"/> that the search found.</summary>
    public IQueryable<Case> Narrow(IQueryable<Case> cases)
    {
        if (_ids is { } found)
        {
            // A List<Guid> parameter: "id = ANY(@ids)", planned with the real number of ids.
            var list = found as List<Guid> ?? found.ToList();
            return cases.Where(c => list.Contains(c.Id));
        }

        var matching = _query!;
        return cases.Where(c => matching.Contains(c.Id));
    }

    /// <summary>The ids of every matching case (for tests and reports that need the whole set).</summary>
    public IQueryable<Guid> Ids(AppDbContext db) => Narrow(db.Cases).Select(c => c.Id);
}
