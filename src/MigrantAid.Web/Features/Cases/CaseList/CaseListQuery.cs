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
        var problems = new List<CaseListProblem>();

        var search = Clean(query.Q);
        if (search is { Length: > CaseListQuery.MaxSearchLength })
        {
            problems.Add(CaseListProblem.SearchTooLong);
            search = null;
        }

        CaseStatus? status = null;
        var active = false;
        if (Clean(query.Status) is { } statusText)
        {
            if (string.Equals(statusText, CaseListQuery.ActiveStatus, StringComparison.OrdinalIgnoreCase))
            {
                active = true;
            }
            else if (Enum.TryParse<CaseStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(statusText, out _))
            {
                status = parsed;
            }
            else
            {
                problems.Add(CaseListProblem.UnknownStatus);
            }
        }

        int? category = null;
        if (Clean(query.Category) is { } categoryText)
        {
            if (int.TryParse(categoryText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                category = id;
            }
            else
            {
                problems.Add(CaseListProblem.UnknownCategory);
            }
        }

        var office = ParseGuid(query.Office, CaseListProblem.UnknownOffice, problems);
        var lawyer = ParseGuid(query.Lawyer, CaseListProblem.UnknownLawyer, problems);
        var caseworker = ParseGuid(query.Caseworker, CaseListProblem.UnknownCaseworker, problems);

        string? citizenship = null;
        var noCitizenship = false;
        if (Clean(query.Citizenship) is { } citizenshipText)
        {
            var code = citizenshipText.ToUpperInvariant();
            if (string.Equals(citizenshipText, CaseListQuery.NoCitizenship, StringComparison.OrdinalIgnoreCase))
            {
                noCitizenship = true;
            }
            else if (Citizenships.IsKnown(code))
            {
                citizenship = code;
            }
            else
            {
                problems.Add(CaseListProblem.UnknownCitizenship);
            }
        }

        var from = ParseDate(query.From, CaseListProblem.BadFrom, problems);
        var to = ParseDate(query.To, CaseListProblem.BadTo, problems);
        if (from is not null && to is not null && from > to)
        {
            problems.Add(CaseListProblem.FromAfterTo);
        }

        var lead = ParseGuid(query.Lead, CaseListProblem.UnknownLead, problems);
        var closedFrom = ParseDate(query.ClosedFrom, CaseListProblem.BadClosedFrom, problems);
        var closedTo = ParseDate(query.ClosedTo, CaseListProblem.BadClosedTo, problems);
        if (closedFrom is not null && closedTo is not null && closedFrom > closedTo)
        {
            problems.Add(CaseListProblem.ClosedFromAfterTo);
        }

        var situation = Shared.ClientSituation.Parse(query.Situation, out var knownSituation);
        if (!knownSituation)
        {
            problems.Add(CaseListProblem.UnknownSituation);
        }

        var sort = Clean(query.Sort) is { } sortText && Sorts.TryGetValue(sortText, out var s) ? s : CaseListSort.Newest;

        var mine = Clean(query.Scope)?.ToLowerInvariant() switch
        {
            "mine" => true,
            "all" => false,
            _ => MineByDefault(viewer),
        };

        CaseListPosition? after = null;
        if (Clean(query.After) is { } afterText)
        {
            after = ParsePosition(afterText, sort);
            if (after is null)
            {
                problems.Add(CaseListProblem.BadPage);
            }
        }

        CaseListPosition? before = null;
        if (after is null && Clean(query.Before) is { } beforeText)
        {
            before = ParsePosition(beforeText, sort);
            if (before is null)
            {
                problems.Add(CaseListProblem.BadPage);
            }
        }

        return new CaseListFilter(search, status, category, office, lawyer, caseworker, query.Urgent, citizenship, from, to, sort, mine, after, problems)
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

    private static CaseListPosition? ParsePosition(string token, CaseListSort sort)
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

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static Guid? ParseGuid(string? value, CaseListProblem problem, List<CaseListProblem> problems)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        if (Guid.TryParse(text, out var id))
        {
            return id;
        }

        problems.Add(problem);
        return null;
    }

    private static DateOnly? ParseDate(string? value, CaseListProblem problem, List<CaseListProblem> problems)
    {
        if (Clean(value) is not { } text)
        {
            return null;
        }

        // Date inputs send ISO dates; a browser without them sends what the user typed in their culture.
        if ((TryDate(text, out var date) || DateOnly.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out date))
            && date.Year is >= 1900 and <= 9998)
        {
            return date;
        }

        problems.Add(problem);
        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
