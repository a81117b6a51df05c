using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.International;
using MigrantAid.Web.Domain.Proceedings;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure;
using MigrantAid.Web.Security;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>One counted figure and the list that shows exactly the rows counted.</summary>
public sealed record DashboardFigure(string Key, string Label, int Count, string Url);

public sealed record DashboardWeekRow(DateOnly WeekStart, DateOnly WeekEnd, int Intakes, string IntakesUrl, int Closed, string ClosedUrl);

public sealed record DashboardLawyerRow(Guid Id, string Name, int Open, string OpenUrl, int Urgent, string UrgentUrl, int Overdue, string OverdueUrl);

/// <summary>Decisions (or submissions) decided and those won, with their drill-down lists.</summary>
public sealed record DashboardOutcomeRow(string Key, string Label, int Decided, string DecidedUrl, int Won, string WonUrl)
{
    public double? Share => Decided == 0 ? null : (double)Won / Decided;
}

public sealed record DashboardOutcomes(
    IReadOnlyList<DashboardOutcomeRow> ByQuarter, IReadOnlyList<DashboardOutcomeRow> ByForum, IReadOnlyList<DashboardOutcomeRow> ByCategory, DashboardOutcomeRow Total);

/// <summary>A median of whole days over <see cref="Cases"/> cases; null when there are none.</summary>
public sealed record DashboardMedian(double? Days, int Cases, string Url);

public sealed record DashboardOption(string Value, string Text);

public sealed record DashboardModel(
    DashboardQuery Query,
    DashboardFilter Filter,
    IReadOnlyList<DashboardOption> Offices,
    int OpenTotal,
    string OpenTotalUrl,
    IReadOnlyList<DashboardFigure> ByStatus,
    IReadOnlyList<DashboardFigure> ByCategory,
    IReadOnlyList<DashboardFigure> ByOffice,
    IReadOnlyList<DashboardFigure> ByCitizenship,
    IReadOnlyList<DashboardWeekRow> Weeks,
    IReadOnlyList<DashboardLawyerRow> Lawyers,
    DashboardFigure UrgentIntakes,
    DashboardFigure OverdueDeadlines,
    DashboardFigure NextDeadlines,
    DashboardOutcomes Courts,
    DashboardOutcomes UnBodies,
    DashboardMedian ToAssignment,
    DashboardMedian ToClosure,
    DashboardFigure ExpiringDocuments,
    UrgentClock UrgentClock);

/// <summary>
/// The coordinator dashboard. The caseload figures come from the pre-aggregates of migration 0015
/// (a few hundred rows summed, whatever the number of cases); outcomes, overdue urgent intakes and
/// expiring documents are read through their indexes from small slices. Every figure carries the
/// link of the list that shows exactly what it counts.
/// </summary>
public sealed partial class ViewDashboardHandler(AppDbContext db, ILookupNormalizer normalizer, TimeProvider clock)
{
    public const int NextDays = 14;
    public const int ExpiryDays = 30;

    public static readonly DecisionOutcome[] CourtWins = [DecisionOutcome.Granted, DecisionOutcome.PartlyGranted];

    public static readonly SubmissionResult[] UnDecided =
        [SubmissionResult.Inadmissible, SubmissionResult.ViolationFound, SubmissionResult.NoViolation, SubmissionResult.Discontinued];

    public static readonly SubmissionResult[] UnWins = [SubmissionResult.ViolationFound];

    public async Task<DashboardModel> HandleAsync(DashboardQuery query, Viewer viewer, IStringLocalizer l,
        CancellationToken cancellationToken = default)
    {
        // Every statement of the dashboard reads a small slice; starting parallel workers costs more than
        // they save (150 ms of a 190 ms histogram read at 1,000,000 cases). Off on this request's
        // connection, and reset before it returns to the pool.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("SET max_parallel_workers_per_gather = 0", cancellationToken);
            return await BuildAsync(query, viewer, l, cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("RESET max_parallel_workers_per_gather", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<DashboardModel> BuildAsync(DashboardQuery query, Viewer viewer, IStringLocalizer l, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var today = (await OfficeTime.OfOfficeAsync(db, viewer.OfficeId ?? Guid.Empty, cancellationToken)).Today(now);
        var offices = await db.Offices.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        var filter = DashboardFilter.Parse(query, today, offices.Select(o => o.Id).ToList());
        var office = filter.OfficeId;
        var officeText = office?.ToString();

        string Cases(string? status = null, string? category = null, string? officeId = null, string? citizenship = null, string? lead = null,
            bool urgent = false, string? closedFrom = null, string? closedTo = null) =>
            new CaseListQuery
            {
                Scope = "all",
                Status = status,
                Category = category,
                Office = officeId ?? officeText,
                Citizenship = citizenship,
                Lead = lead,
                Urgent = urgent,
                ClosedFrom = closedFrom,
                ClosedTo = closedTo,
            }.ToUrl("/cases");

        // Open cases: by status, lead lawyer and urgency, per office.
        var open = await db.Set<DashboardOpenCase>().AsNoTracking()
            .Where(x => office == null || x.OfficeId == office)
            .GroupBy(x => new { x.OfficeId, x.Status, x.LeadLawyerId, x.IsUrgent })
            .Select(g => new { g.Key.OfficeId, g.Key.Status, g.Key.LeadLawyerId, g.Key.IsUrgent, Cases = g.Sum(x => x.Cases) })
            .ToListAsync(cancellationToken);
        var active = CaseListQuery.ActiveStatus;
        var byStatus = new[] { CaseStatus.Open, CaseStatus.InProgress }
            .Select(s => new DashboardFigure(s.ToString(), CaseText.Enum(l, s), open.Where(x => x.Status == s).Sum(x => x.Cases), Cases(status: s.ToString())))
            .ToList();
        var byOffice = offices.Where(o => office == null || o.Id == office)
            .Select(o => new DashboardFigure(o.Id.ToString(), o.Name, open.Where(x => x.OfficeId == o.Id).Sum(x => x.Cases), Cases(status: active, officeId: o.Id.ToString())))
            .Where(f => f.Count > 0 || office != null)
            .ToList();

        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var categories = await db.ComplaintCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var categoryCounts = await db.Set<DashboardOpenCategory>().AsNoTracking()
            .Where(x => office == null || x.OfficeId == office)
            .GroupBy(x => x.CategoryId).Select(g => new { Id = g.Key, Cases = g.Sum(x => x.Cases) })
            .ToDictionaryAsync(x => x.Id, x => x.Cases, cancellationToken);
        var byCategory = categories
            .Where(c => categoryCounts.GetValueOrDefault(c.Id) > 0)
            .Select(c => new DashboardFigure(c.Id.ToString(CultureInfo.InvariantCulture), c.Name(language), categoryCounts[c.Id],
                Cases(status: active, category: c.Id.ToString(CultureInfo.InvariantCulture))))
            .ToList();

        var citizenshipCounts = await db.Set<DashboardOpenCitizenship>().AsNoTracking()
            .Where(x => office == null || x.OfficeId == office)
            .GroupBy(x => x.Citizenship).Select(g => new { Code = g.Key, Cases = g.Sum(x => x.Cases) })
            .ToListAsync(cancellationToken);
        var byCitizenship = citizenshipCounts.Where(c => c.Cases > 0)
            .Select(c => new DashboardFigure(c.Code == "" ? CaseListQuery.NoCitizenship : c.Code, c.Code == "" ? l["Not recorded"].Value : l[Domain.Clients.Citizenships.ResourceKey(c.Code)].Value, c.Cases,
                Cases(status: active, citizenship: c.Code == "" ? CaseListQuery.NoCitizenship : c.Code)))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.CurrentCulture)
            .ToList();

        // Intakes submitted and cases closed per week of the period.
        var firstWeek = DashboardFilter.WeekStart(filter.From);
        var lastWeek = DashboardFilter.WeekStart(filter.To);
        var weekCounts = await db.Set<DashboardWeek>().AsNoTracking()
            .Where(x => (office == null || x.OfficeId == office) && x.WeekStart >= firstWeek && x.WeekStart <= lastWeek)
            .GroupBy(x => x.WeekStart).Select(g => new { Week = g.Key, Intakes = g.Sum(x => x.Intakes), Closed = g.Sum(x => x.Closed) })
            .ToDictionaryAsync(x => x.Week, cancellationToken);
        var weeks = new List<DashboardWeekRow>();
        for (var week = firstWeek; week <= lastWeek; week = week.AddDays(7))
        {
            var end = week.AddDays(6);
            var counts = weekCounts.GetValueOrDefault(week);
            weeks.Add(new DashboardWeekRow(week, end,
                counts?.Intakes ?? 0,
                new IntakeFilterQuery { Office = officeText, SubmittedFrom = DashboardQuery.Iso(week), SubmittedTo = DashboardQuery.Iso(end) }.ToUrl(),
                counts?.Closed ?? 0,
                Cases(status: nameof(CaseStatus.Closed), closedFrom: DashboardQuery.Iso(week), closedTo: DashboardQuery.Iso(end))));
        }

        // Caseload per lawyer (lead lawyer of open cases) and their overdue deadlines.
        var overdueByLawyer = await db.Set<DashboardOpenDeadline>().AsNoTracking()
            .Where(x => (office == null || x.OfficeId == office) && x.DueOn < today)
            .GroupBy(x => x.LeadLawyerId).Select(g => new { Lawyer = g.Key, Deadlines = g.Sum(x => x.Deadlines) })
            .ToDictionaryAsync(x => x.Lawyer, x => x.Deadlines, cancellationToken);
        var normalizedLawyer = normalizer.NormalizeName(Roles.Lawyer);
        var leads = open.Select(x => x.LeadLawyerId).Concat(overdueByLawyer.Where(x => x.Value > 0).Select(x => x.Key)).Where(id => id != Guid.Empty).Distinct().ToList();
        var lawyers = await db.Users.AsNoTracking()
            .Where(u => leads.Contains(u.Id)
                || ((office == null || u.OfficeId == office) && u.IsActive
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalizedLawyer))))
            .Select(u => new { u.Id, u.FullName })
            .ToListAsync(cancellationToken);
        var lawyerRows = lawyers
            .Select(u => new DashboardLawyerRow(u.Id, u.FullName,
                open.Where(x => x.LeadLawyerId == u.Id).Sum(x => x.Cases), Cases(status: active, lead: u.Id.ToString()),
                open.Where(x => x.LeadLawyerId == u.Id && x.IsUrgent).Sum(x => x.Cases), Cases(status: active, lead: u.Id.ToString(), urgent: true),
                overdueByLawyer.GetValueOrDefault(u.Id), DeadlinesUrl(DeadlineWindow.Overdue, officeText, u.Id.ToString())))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();

        // Deadlines overdue and due in the next 14 days (today included).
        var nextEnd = today.AddDays(NextDays - 1);
        var deadlineCounts = await db.Set<DashboardOpenDeadline>().AsNoTracking()
            .Where(x => (office == null || x.OfficeId == office) && x.DueOn <= nextEnd)
            .GroupBy(x => x.DueOn < today)
            .Select(g => new { Overdue = g.Key, Deadlines = g.Sum(x => x.Deadlines) })
            .ToListAsync(cancellationToken);
        var overdue = new DashboardFigure("overdue", l["Overdue deadlines"].Value, deadlineCounts.Where(x => x.Overdue).Sum(x => x.Deadlines),
            DeadlinesUrl(DeadlineWindow.Overdue, officeText, null));
        var next = new DashboardFigure("next14", l["Deadlines due in the next 14 days"].Value, deadlineCounts.Where(x => !x.Overdue).Sum(x => x.Deadlines),
            DeadlinesUrl(DeadlineWindow.Next14, officeText, null));

        // Urgent intakes still waiting for a decision: all of them, and those past their response target.
        var urgentClock = await UrgentClock.ReadAsync(db, office, now, l, cancellationToken);
        var urgent = new DashboardFigure("urgent-intakes", l["Urgent intakes unassigned past their response target"].Value, urgentClock.LateCount,
            new IntakeFilterQuery { Office = officeText, Overdue = "urgent" }.ToUrl());

        // Clients on open cases whose documents expire within 30 days.
        var expiryEnd = today.AddDays(ExpiryDays);
        var expiring = await db.Set<DashboardOpenClientDocument>().AsNoTracking()
            .Where(x => x.ExpiresOn >= today && x.ExpiresOn <= expiryEnd && x.OpenCases > 0 && (office == null || x.OfficeId == office))
            .Select(x => x.ClientId).Distinct().CountAsync(cancellationToken);
        var expiringFigure = new DashboardFigure("expiring", l["Clients with open cases whose documents expire within 30 days"].Value, expiring,
            new ListClientsQuery { Expiring = ExpiryDays.ToString(CultureInfo.InvariantCulture), Office = officeText }.ToUrl(null));

        var courts = await CourtOutcomesAsync(filter, categories, language, l, cancellationToken);
        var un = await UnOutcomesAsync(filter, categories, language, l, cancellationToken);

        var toAssignment = await MedianAsync(DashboardDurationKind.Assignment, filter,
            AssignedUrl(officeText, DashboardQuery.Iso(filter.From), DashboardQuery.Iso(filter.To)), cancellationToken);
        var toClosure = await MedianAsync(DashboardDurationKind.Closure, filter,
            Cases(status: nameof(CaseStatus.Closed), closedFrom: DashboardQuery.Iso(filter.From), closedTo: DashboardQuery.Iso(filter.To)), cancellationToken);

        return new DashboardModel(query, filter, offices.Select(o => new DashboardOption(o.Id.ToString(), o.Name)).ToList(),
            byStatus.Sum(f => f.Count), Cases(status: active),
            byStatus, byCategory, byOffice, byCitizenship, weeks, lawyerRows, urgent, overdue, next, courts, un, toAssignment, toClosure, expiringFigure,
            urgentClock);
    }

    public static string DeadlinesUrl(DeadlineWindow window, string? office, string? lawyer)
    {
        var url = "/dashboard/deadlines?window=" + (window == DeadlineWindow.Overdue ? "overdue" : "next14");
        url += office is null ? "" : "&office=" + office;
        return url + (lawyer is null ? "" : "&lawyer=" + lawyer);
    }

    public static string AssignedUrl(string? office, string from, string to) =>
        "/dashboard/assigned?from=" + from + "&to=" + to + (office is null ? "" : "&office=" + office);

    public static string OutcomesUrl(OutcomeKind kind, string? office, DateOnly from, DateOnly to, string? forum = null, int? category = null, bool won = false) =>
        "/dashboard/outcomes?kind=" + (kind == OutcomeKind.Court ? "court" : "un")
        + "&from=" + DashboardQuery.Iso(from) + "&to=" + DashboardQuery.Iso(to)
        + (office is null ? "" : "&office=" + office)
        + (forum is null ? "" : "&forum=" + Uri.EscapeDataString(forum))
        + (category is null ? "" : "&category=" + category.Value.ToString(CultureInfo.InvariantCulture))
        + (won ? "&won=true" : "");
}

public enum DeadlineWindow
{
    Overdue,
    Next14,
}

public enum OutcomeKind
{
    Court,
    Un,
}
