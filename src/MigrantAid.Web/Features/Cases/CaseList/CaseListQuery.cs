using System.Globalization;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Cases.CaseList;

public enum CaseListSort
{
    Newest,
    Oldest,
    Reference,
    Priority,
}

public enum CaseListProblem
{
    UnknownStatus,
    UnknownCategory,
    UnknownOffice,
    UnknownLawyer,
    UnknownCaseworker,
    UnknownCitizenship,
    BadFrom,
    BadTo,
    FromAfterTo,
    BadPage,
    UnknownLead,
    BadClosedFrom,
    BadClosedTo,
    ClosedFromAfterTo,
    UnknownSituation,

    /// <summary>The search text is over <see cref="CaseListQuery.MaxSearchLength"/>: refused (the field keeps it), never cut.</summary>
    SearchTooLong,
}

/// <summary>The keyset position after which the next page starts.</summary>
public sealed record CaseListPosition(CasePriority Priority, DateOnly OpenedOn, string Reference, Guid Id);

/// <summary>The checked filters of the case list (shared by the list and the CSV export).</summary>
public sealed record CaseListFilter(
    string? Search,
    CaseStatus? Status,
    int? CategoryId,
    Guid? OfficeId,
    Guid? LawyerId,
    Guid? CaseworkerId,
    bool UrgentOnly,
    string? Citizenship,
    DateOnly? From,
    DateOnly? To,
    CaseListSort Sort,
    bool MineOnly,
    CaseListPosition? After,
    IReadOnlyList<CaseListProblem> Problems)
{
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>Status filter "active": open or in progress.</summary>
    public bool ActiveOnly { get; init; }

    /// <summary>Only cases whose principal client has no recorded citizenship.</summary>
    public bool NoCitizenshipOnly { get; init; }

    public Guid? LeadLawyerId { get; init; }

    public DateOnly? ClosedFrom { get; init; }

    public DateOnly? ClosedTo { get; init; }

    /// <summary>Only cases whose principal client is in this situation (undocumented or separated child).</summary>
    public Vulnerability? Situation { get; init; }

    /// <summary>The keyset position before which the previous page ends (read backwards, then turned round).</summary>
    public CaseListPosition? Before { get; init; }

    /// <summary>The scope as the list's links spell it.</summary>
    public string Scope => MineOnly ? "mine" : "all";

    private static readonly Dictionary<string, CaseListSort> Sorts = new(StringComparer.OrdinalIgnoreCase)
    {
        ["newest"] = CaseListSort.Newest,
        ["oldest"] = CaseListSort.Oldest,
        ["reference"] = CaseListSort.Reference,
        ["priority"] = CaseListSort.Priority,
    };

    /// <summary>"My cases" is where lawyers and caseworkers start; coordinators start with everything.</summary>
    public static bool MineByDefault(Security.Viewer viewer) => !viewer.IsCoordinator;

    public static string SortName(CaseListSort sort) => sort.ToString().ToLowerInvariant();

    /// <summary>
    /// Checks the typed values. Unknown values are dropped and reported (the list then shows what the
    /// remaining filters find); the keyset position must belong to the chosen sort, or the first page is shown.
    /// </summary>
    public static CaseListFilter Parse(CaseListQuery query, Security.Viewer viewer)
    {
        var read = new CaseListFilterReader();
        var search = read.Text(query.Q, CaseListQuery.MaxSearchLength, CaseListProblem.SearchTooLong);
        var (status, active) = read.Status(query.Status, CaseListProblem.UnknownStatus);
        var category = read.Number(query.Category, CaseListProblem.UnknownCategory);
        var office = read.Id(query.Office, CaseListProblem.UnknownOffice);
        var lawyer = read.Id(query.Lawyer, CaseListProblem.UnknownLawyer);
        var caseworker = read.Id(query.Caseworker, CaseListProblem.UnknownCaseworker);
        var (citizenship, noCitizenship) = read.Citizenship(query.Citizenship, CaseListProblem.UnknownCitizenship);
        var (from, to) = read.Period(query.From, query.To, CaseListProblem.BadFrom, CaseListProblem.BadTo, CaseListProblem.FromAfterTo);
        var lead = read.Id(query.Lead, CaseListProblem.UnknownLead);
        var (closedFrom, closedTo) = read.Period(query.ClosedFrom, query.ClosedTo,
            CaseListProblem.BadClosedFrom, CaseListProblem.BadClosedTo, CaseListProblem.ClosedFromAfterTo);
        var situation = read.Situation(query.Situation, CaseListProblem.UnknownSituation);
        var sort = CaseListFilterReader.Clean(query.Sort) is { } sortText && Sorts.TryGetValue(sortText, out var s) ? s : CaseListSort.Newest;
        var mine = CaseListFilterReader.Clean(query.Scope)?.ToLowerInvariant() switch
        {
            "mine" => true,
            "all" => false,
            _ => MineByDefault(viewer),
        };
        var after = read.Position(query.After, sort, CaseListProblem.BadPage);
        var before = after is null ? read.Position(query.Before, sort, CaseListProblem.BadPage) : null;

        return new CaseListFilter(search, status, category, office, lawyer, caseworker, query.Urgent, citizenship, from, to, sort, mine, after, read.Problems)
        {
            Before = before,
            ActiveOnly = active,
            NoCitizenshipOnly = noCitizenship,
            LeadLawyerId = lead,
            ClosedFrom = closedFrom,
            ClosedTo = closedTo,
            Situation = situation,
        };
    }

    /// <summary>The keyset token for the row: the sort key and the id, readable in the URL.</summary>
    public static string PositionToken(CaseListSort sort, CasePriority priority, DateOnly openedOn, string reference, Guid id)
    {
        var date = openedOn.ToString(DateFormat, CultureInfo.InvariantCulture);
        return sort switch
        {
            CaseListSort.Reference => reference + "_" + id.ToString("N"),
            CaseListSort.Priority => ((int)priority).ToString(CultureInfo.InvariantCulture) + "_" + date + "_" + id.ToString("N"),
            _ => date + "_" + id.ToString("N"),
        };
    }

    /// <summary>The keyset position of a token of <see cref="PositionToken"/>; null when it is not one of <paramref name="sort"/>.</summary>
    public static CaseListPosition? ParsePosition(string token, CaseListSort sort)
    {
        var parts = token.Split('_');
        if (!Guid.TryParseExact(parts[^1], "N", out var id))
        {
            return null;
        }

        switch (sort)
        {
            case CaseListSort.Reference when parts.Length == 2 && parts[0].Length is > 0 and <= 20:
                return new CaseListPosition(default, default, parts[0], id);
            case CaseListSort.Priority when parts.Length == 3
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var p)
                && Enum.IsDefined((CasePriority)p)
                && TryDate(parts[1], out var pd):
                return new CaseListPosition((CasePriority)p, pd, "", id);
            case CaseListSort.Newest or CaseListSort.Oldest when parts.Length == 2 && TryDate(parts[0], out var d):
                return new CaseListPosition(default, d, "", id);
            default:
                return null;
        }
    }

    public static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
