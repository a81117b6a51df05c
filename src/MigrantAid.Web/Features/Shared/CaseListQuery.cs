namespace MigrantAid.Web.Features.Shared;

/// <summary>
/// The case list's query string, as typed: every value is text and is checked by the case list's filter,
/// so a hand-edited link never ends in a binding error page.
/// </summary>
public sealed class CaseListQuery
{
    /// <summary>The status filter's value for "not closed" (open or in progress), as the dashboard counts open cases.</summary>
    public const string ActiveStatus = "active";

    /// <summary>The citizenship filter's value for clients whose citizenship is not recorded.</summary>
    public const string NoCitizenship = "none";

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

    /// <summary>The coordinator's reassignment mode: a tick box per row and the reassignment form (hidden otherwise, to keep the list small).</summary>
    public bool Reassign { get; set; }

    /// <summary>A link to <paramref name="path"/> with these filters, another page position and, if given, another scope.</summary>
    public string ToUrl(string path, string? after = null, string? scope = null, string? before = null, bool? reassign = null)
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
        Add("reassign", reassign ?? Reassign ? "true" : null);
        return values.Count == 0 ? path : path + "?" + string.Join("&", values);
    }
}
