using System.Globalization;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;

namespace MigrantAid.Web.Features.CaseList;

/// <summary>
/// The case list's query string, as typed: every value is text and is checked by <see cref="CaseListFilter.Parse"/>,
/// so a hand-edited link never ends in a binding error page.
/// </summary>
public sealed class CaseListQuery
{
    public const int MaxSearchLength = 200;

    /// <summary>Reference number (or its start), a client's name in any script, or a respondent's name.</summary>
    public string? Q { get; set; }

    public string? Status { get; set; }

    public string? Category { get; set; }

    public string? Office { get; set; }

    /// <summary>Lead or further lawyer.</summary>
    public string? Lawyer { get; set; }

    public string? Caseworker { get; set; }

    public bool Urgent { get; set; }

    /// <summary>Citizenship of the principal client (ISO code or XX for stateless).</summary>
    public string? Citizenship { get; set; }

    /// <summary>The principal client's situation: "undocumented" or "separated" (see <see cref="Shared.ClientSituation"/>).</summary>
    public string? Situation { get; set; }

    /// <summary>Opened on or after (yyyy-MM-dd).</summary>
    public string? From { get; set; }

    /// <summary>Opened on or before (yyyy-MM-dd).</summary>
    public string? To { get; set; }

    /// <summary>Lead lawyer only (the dashboard's caseload links; <see cref="Lawyer"/> also finds further lawyers).</summary>
    public string? Lead { get; set; }

    /// <summary>Closed on or after (yyyy-MM-dd).</summary>
    public string? ClosedFrom { get; set; }

    /// <summary>Closed on or before (yyyy-MM-dd).</summary>
    public string? ClosedTo { get; set; }

    /// <summary>newest (default), oldest, reference, priority.</summary>
    public string? Sort { get; set; }

    /// <summary>mine or all; empty means the default of the viewer's role.</summary>
    public string? Scope { get; set; }

    /// <summary>Keyset position: the last row's sort key and id, from the "Next page" link.</summary>
    public string? After { get; set; }

    /// <summary>Keyset position: the first row's sort key and id, from the "Previous page" link.</summary>
    public string? Before { get; set; }

    /// <summary>A link to <paramref name="path"/> with these filters, another page position and, if given, another scope.</summary>
    public string ToUrl(string path, string? after = null, string? scope = null, string? before = null)
    {
        var values = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("q", Q);
        Add("status", Status);
        Add("category", Category);
        Add("office", Office);
        Add("lawyer", Lawyer);
        Add("caseworker", Caseworker);
        Add("urgent", Urgent ? "true" : null);
        Add("citizenship", Citizenship);
        Add("situation", Situation);
        Add("from", From);
        Add("to", To);
        Add("lead", Lead);
        Add("closedFrom", ClosedFrom);
        Add("closedTo", ClosedTo);
        Add("sort", Sort);
        Add("scope", scope ?? Scope);
        Add("after", after);
        Add("before", before);
        return values.Count == 0 ? path : path + "?" + string.Join("&", values);
    }
}

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

    /// <summary>The status filter's value for "not closed" (open or in progress), as the dashboard counts open cases.</summary>
    public const string ActiveStatus = "active";

    /// <summary>The citizenship filter's value for clients whose citizenship is not recorded.</summary>
    public const string NoCitizenship = "none";

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
            if (string.Equals(statusText, ActiveStatus, StringComparison.OrdinalIgnoreCase))
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
            if (string.Equals(citizenshipText, NoCitizenship, StringComparison.OrdinalIgnoreCase))
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
