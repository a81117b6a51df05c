using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Features.Shared.Exports;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Cases.CaseList;

/// <summary>The case list export as it stands: its checked filters, how they read, and how many cases it holds (up to one over the cap).</summary>
public sealed record CaseExportCheck(CaseListFilter Filter, string Filters, IReadOnlyList<(string Label, string? Value)> Described, int Rows, bool NeedsApproval)
{
    public string FilterText(IStringLocalizer l) => ExportStamp.Describe(l, Described);
}

/// <summary>
/// Counts the case list export before it is made (issue 15, point 6): client data beyond Exports:ApprovalAboveRows
/// is made only after another person approves it. Also reads the filters back from a request's stored query string.
/// </summary>
public sealed class CaseExportGateHandler(AppDbContext db, ExportApprovalsHandler approvals, IStringLocalizer<SharedResource> l)
{
    public async Task<CaseExportCheck> CheckAsync(CaseListQuery query, Viewer viewer, CancellationToken cancellationToken)
    {
        // The export is the list as filtered, from its first row: the page position does not apply.
        var filter = CaseListFilter.Parse(query, viewer) with { After = null, Before = null };
        var cases = await CaseListSearch.FilterAsync(db, viewer, filter, cancellationToken);
        var rows = await cases.TakeFixed(ExportCasesHandler.MaxRows + 1).CountAsync(cancellationToken);
        var stored = query.ToUrl("", scope: filter.Scope, reassign: false).TrimStart('?');
        return new CaseExportCheck(filter, stored, await DescribeAsync(filter, cancellationToken), rows, approvals.NeedsApproval(rows));
    }

    /// <summary>The case list's filters from a stored query string (as <see cref="CheckAsync"/> stored them).</summary>
    public static CaseListQuery Query(string stored)
    {
        var values = QueryHelpers.ParseQuery(stored);
        string? Get(string name) => values.TryGetValue(name, out var v) ? v.ToString() : null;
        return new CaseListQuery
        {
            Q = Get("q"),
            Status = Get("status"),
            Category = Get("category"),
            Office = Get("office"),
            Lawyer = Get("lawyer"),
            Caseworker = Get("caseworker"),
            Urgent = Get("urgent") == "true",
            Citizenship = Get("citizenship"),
            Situation = Get("situation"),
            From = Get("from"),
            To = Get("to"),
            Lead = Get("lead"),
            ClosedFrom = Get("closedFrom"),
            ClosedTo = Get("closedTo"),
            Sort = Get("sort"),
            Scope = Get("scope"),
        };
    }

    /// <summary>The filters that are set, as a reader names them (offices, categories and people by name).</summary>
    private async Task<IReadOnlyList<(string, string?)>> DescribeAsync(CaseListFilter f, CancellationToken cancellationToken)
    {
        var russian = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == SupportedLanguages.Russian;
        var office = f.OfficeId is { } o ? await db.Offices.Where(x => x.Id == o).Select(x => x.Name).FirstOrDefaultAsync(cancellationToken) : null;
        var category = f.CategoryId is { } c
            ? await db.ComplaintCategories.Where(x => x.Id == c).Select(x => russian ? x.NameRu : x.NameEn).FirstOrDefaultAsync(cancellationToken)
            : null;
        var names = await StaffDirectory.NamesAsync(db, new[] { f.LawyerId, f.CaseworkerId, f.LeadLawyerId }.OfType<Guid>(), cancellationToken);
        string? Name(Guid? id) => id is { } g ? names.GetValueOrDefault(g) : null;
        static string? Day(DateOnly? d) => d?.ToString(CaseListFilter.DateFormat, CultureInfo.InvariantCulture);
        return
        [
            (l["Search"], f.Search),
            (l["Status"], f.ActiveOnly ? l["Not closed (open or in progress)"].Value : f.Status is { } s ? CaseText.Enum(l, s) : null),
            (l["Category"], category), (l["Office"], office), (l["Lawyer"], Name(f.LawyerId)), (l["Lead lawyer"], Name(f.LeadLawyerId)),
            (l["Caseworker"], Name(f.CaseworkerId)), (l["Urgent only"], f.UrgentOnly ? l["Yes"].Value : null),
            (l["Citizenship"], f.NoCitizenshipOnly ? l["None"].Value : f.Citizenship is { } code ? CaseText.Country(l, code) : null),
            (l["Situation"], f.Situation is { } v ? CaseText.Enum(l, v) : null), (l["Opened from"], Day(f.From)), (l["Opened to"], Day(f.To)),
            (l["Closed from"], Day(f.ClosedFrom)), (l["Closed to"], Day(f.ClosedTo)),
            (l["Scope"], f.MineOnly ? l["My cases"].Value : l["All cases I may see"].Value),
        ];
    }
}
