using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Deadlines;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>The query string of the dashboard's own drill-down lists (deadlines, outcomes, first assignments).</summary>
public sealed class DashboardListQuery
{
    public string? Window { get; set; }

    public string? Office { get; set; }

    public string? Lawyer { get; set; }

    public string? Kind { get; set; }

    public string? From { get; set; }

    public string? To { get; set; }

    public string? Forum { get; set; }

    public string? Category { get; set; }

    public bool Won { get; set; }

    public string? After { get; set; }

    public Guid? OfficeId => Guid.TryParse(Office, out var id) ? id : null;

    public Guid? LawyerId => Guid.TryParse(Lawyer, out var id) ? id : null;

    public int? CategoryId => int.TryParse(Category, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    public DateOnly? FromDate => ParseDate(From);

    public DateOnly? ToDate => ParseDate(To);

    /// <summary>This list again, at another keyset position.</summary>
    public string ToUrl(string path, string? after)
    {
        var values = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("window", Window);
        Add("kind", Kind);
        Add("office", Office);
        Add("lawyer", Lawyer);
        Add("from", From);
        Add("to", To);
        Add("forum", Forum);
        Add("category", Category);
        Add("won", Won ? "true" : null);
        Add("after", after);
        return path + (values.Count == 0 ? "" : "?" + string.Join("&", values));
    }

    public static (DateOnly Date, Guid Id)? ParseKey(string? after)
    {
        var parts = after?.Split('_');
        return parts is { Length: 2 } && ParseDate(parts[0]) is { } date && Guid.TryParseExact(parts[1], "N", out var id) ? (date, id) : null;
    }

    public static string Key(DateOnly date, Guid id) => DashboardQuery.Iso(date) + "_" + id.ToString("N");

    private static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), DashboardQuery.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>One row of a drill-down list: a date, the case, and what was counted.</summary>
public sealed record DashboardListRow(Guid Id, DateOnly On, Guid CaseId, string Reference, string What, string? Detail);

/// <summary>One page of a drill-down list; <paramref name="Action"/> is its action on <see cref="DashboardController"/>.</summary>
public sealed record DashboardListModel(string Title, string Action, DashboardListQuery Query, IReadOnlyList<DashboardListRow> Rows, string? NextAfter, bool IsValid)
{
    /// <summary>Sealed cases exist that the viewer is not named on: the dashboard's figures count them, this list does not show them (ADR 0023).</summary>
    public bool SealedLeftOut { get; init; }
}

/// <summary>
/// The dashboard's own lists, each exactly the rows its figure counts, oldest first, keyset-paged on
/// (date, id): open deadlines of open cases (overdue, or due within 14 days), court decisions and UN
/// submissions decided in a period, and cases first assigned in a period.
/// </summary>
public sealed class DashboardListsHandler(ReportingDbContext db, TimeProvider clock)
{
    public const int PageSize = 50;

    public async Task<DashboardListModel> DeadlinesAsync(DashboardListQuery query, Viewer viewer, IStringLocalizer l, CancellationToken cancellationToken = default)
    {
        var today = (await OfficeTime.OfOfficeAsync(db, viewer.OfficeId ?? Guid.Empty, cancellationToken)).Today(clock.GetUtcNow());
        var overdue = !string.Equals(query.Window, "next14", StringComparison.OrdinalIgnoreCase);
        query.Window = overdue ? "overdue" : "next14";
        var last = today.AddDays(DeadlineFigures.NextDays - 1);
        var office = query.OfficeId;
        var lawyer = query.LawyerId;
        var cases = db.Cases.Where(CaseAccess.VisibleCases(viewer, db))
            .Where(k => k.Status != CaseStatus.Closed && (office == null || k.OfficeId == office) && (lawyer == null || k.LeadLawyerId == lawyer));
        var deadlines = db.CaseDeadlines.AsNoTracking()
            .Where(d => d.Status == DeadlineStatus.Open && (overdue ? d.DueOn < today : d.DueOn >= today && d.DueOn <= last));
        if (office is { } o)
        {
            // An office's deadlines carry it: one range of (office_id, due_on, id), not a walk of every office's dates.
            deadlines = deadlines.Where(d => d.OfficeId == o);
        }
        if (DashboardListQuery.ParseKey(query.After) is { } key)
        {
            deadlines = deadlines.Where(d => EF.Functions.GreaterThan(ValueTuple.Create(d.DueOn, d.Id), ValueTuple.Create(key.Date, key.Id)));
        }

        var page = await (from d in deadlines
                          join k in cases on d.CaseId equals k.Id
                          orderby d.DueOn, d.Id
                          select new DashboardListRow(d.Id, d.DueOn, k.Id, k.Reference, d.Title,
                              db.Users.Where(u => u.Id == k.LeadLawyerId).Select(u => u.FullName).FirstOrDefault()))
            .TakeFixed(PageSize + 1).ToListAsync(cancellationToken);
        return Page(overdue ? l["Overdue deadlines"].Value : l["Deadlines due in the next 14 days"].Value, nameof(DashboardController.Deadlines), query, page, true);
    }

    public async Task<DashboardListModel> OutcomesAsync(DashboardListQuery query, Viewer viewer, IStringLocalizer l, CancellationToken cancellationToken = default)
    {
        var court = !string.Equals(query.Kind, "un", StringComparison.OrdinalIgnoreCase);
        query.Kind = court ? "court" : "un";
        var page = query.FromDate is not { } from || query.ToDate is not { } to ? null
            : court ? await CourtDecisionsAsync(query, from, to, viewer, l, cancellationToken)
            : await UnDecisionsAsync(query, from, to, viewer, l, cancellationToken);
        return page is null
            ? new DashboardListModel(l["Outcomes"].Value, nameof(DashboardController.Outcomes), query, [], null, false)
            : Page(court ? l["Court decisions"].Value : l["Decisions of UN bodies"].Value, nameof(DashboardController.Outcomes), query, page, true);
    }

    private async Task<List<DashboardListRow>> CourtDecisionsAsync(DashboardListQuery query, DateOnly from, DateOnly to, Viewer viewer, IStringLocalizer l,
        CancellationToken cancellationToken)
    {
        var decisions = OutcomeFigures.CourtDecisionsIn(db, query.OfficeId, from, to);
        if (query.Won)
        {
            decisions = decisions.Where(d => OutcomeFigures.CourtWins.Contains(d.Outcome));
        }

        if (query.CategoryId is { } category)
        {
            var inCategory = CasesIn(category);
            decisions = decisions.Where(d => inCategory.Contains(d.CaseId));
        }

        if (DashboardListQuery.ParseKey(query.After) is { } key)
        {
            decisions = decisions.Where(d => EF.Functions.GreaterThan(ValueTuple.Create(d.DecidedOn, d.Id), ValueTuple.Create(key.Date, key.Id)));
        }

        var forum = query.Forum;
        var rows = await (from d in decisions
                          join p in db.CourtProceedings on d.ProceedingId equals p.Id
                          join k in db.Cases.Where(CaseAccess.VisibleCases(viewer, db)) on d.CaseId equals k.Id
                          where forum == null || p.Jurisdiction == forum
                          orderby d.DecidedOn, d.Id
                          select new { d.Id, d.DecidedOn, CaseId = k.Id, k.Reference, p.Jurisdiction, p.Court, d.Outcome })
            .TakeFixed(PageSize + 1).ToListAsync(cancellationToken);
        return rows.Select(r => new DashboardListRow(r.Id, r.DecidedOn, r.CaseId, r.Reference, CaseText.Enum(l, r.Outcome), r.Jurisdiction + " · " + r.Court)).ToList();
    }

    /// <summary>The page of UN decisions, or null when the forum is not a UN body.</summary>
    private async Task<List<DashboardListRow>?> UnDecisionsAsync(DashboardListQuery query, DateOnly from, DateOnly to, Viewer viewer, IStringLocalizer l,
        CancellationToken cancellationToken)
    {
        var submissions = OutcomeFigures.SubmissionsIn(db, query.OfficeId, from, to);
        if (query.Won)
        {
            submissions = submissions.Where(s => OutcomeFigures.UnWins.Contains(s.Result));
        }

        if (query.CategoryId is { } category)
        {
            var inCategory = CasesIn(category);
            submissions = submissions.Where(s => inCategory.Contains(s.CaseId));
        }

        if (Enum.TryParse<Domain.International.InternationalBody>(query.Forum, out var body) && !int.TryParse(query.Forum, out _))
        {
            submissions = submissions.Where(s => s.Body == body);
        }
        else if (!string.IsNullOrEmpty(query.Forum))
        {
            return null;
        }

        if (DashboardListQuery.ParseKey(query.After) is { } key)
        {
            submissions = submissions.Where(s => EF.Functions.GreaterThan(ValueTuple.Create(s.FinalDecisionOn!.Value, s.Id), ValueTuple.Create(key.Date, key.Id)));
        }

        var rows = await (from s in submissions
                          join k in db.Cases.Where(CaseAccess.VisibleCases(viewer, db)) on s.CaseId equals k.Id
                          orderby s.FinalDecisionOn, s.Id
                          select new { s.Id, On = s.FinalDecisionOn!.Value, CaseId = k.Id, k.Reference, s.Body, s.Result })
            .TakeFixed(PageSize + 1).ToListAsync(cancellationToken);
        return rows.Select(r => new DashboardListRow(r.Id, r.On, r.CaseId, r.Reference, CaseText.Enum(l, r.Result), CaseText.Enum(l, r.Body))).ToList();
    }

    private IQueryable<Guid> CasesIn(int category) => db.CaseCategories.Where(cc => cc.CategoryId == category).Select(cc => cc.CaseId);

    public async Task<DashboardListModel> AssignedAsync(DashboardListQuery query, Viewer viewer, IStringLocalizer l, CancellationToken cancellationToken = default)
    {
        if (query.FromDate is not { } from || query.ToDate is not { } to)
        {
            return new DashboardListModel(l["Cases by first assignment"].Value, nameof(DashboardController.Assigned), query, [], null, false);
        }

        var office = query.OfficeId;
        var assignments = db.Set<DashboardFirstAssignment>().AsNoTracking()
            .Where(a => a.AssignedOn >= from && a.AssignedOn <= to && (office == null || a.OfficeId == office));
        if (DashboardListQuery.ParseKey(query.After) is { } key)
        {
            assignments = assignments.Where(a => EF.Functions.GreaterThan(ValueTuple.Create(a.AssignedOn, a.CaseId), ValueTuple.Create(key.Date, key.Id)));
        }

        var rows = await (from a in assignments
                          join k in db.Cases.Where(CaseAccess.VisibleCases(viewer, db)) on a.CaseId equals k.Id
                          orderby a.AssignedOn, a.CaseId
                          select new { a.CaseId, a.AssignedOn, k.Reference, a.Days })
            .TakeFixed(PageSize + 1).ToListAsync(cancellationToken);
        var page = rows.Select(r => new DashboardListRow(r.CaseId, r.AssignedOn, r.CaseId, r.Reference,
            l["{0} days after the intake", r.Days].Value, null)).ToList();
        return Page(l["Cases by first assignment"].Value, nameof(DashboardController.Assigned), query, page, true);
    }

    /// <summary>Whether any sealed case leaves the viewer out (through the partial index of 0031: as many rows as sealed cases).</summary>
    public Task<bool> SealedLeftOutAsync(Viewer viewer, CancellationToken cancellationToken) =>
        CaseAccess.SealedAgainst(db, viewer.UserId).AnyAsync(cancellationToken);

    private static DashboardListModel Page(string title, string action, DashboardListQuery query, List<DashboardListRow> rows, bool valid)
    {
        string? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = DashboardListQuery.Key(rows[^1].On, rows[^1].Id);
        }

        return new DashboardListModel(title, action, query, rows, next, valid);
    }
}
