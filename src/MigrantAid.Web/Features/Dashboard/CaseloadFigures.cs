using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Domain.Clients;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>Open cases of one office, status, lead lawyer and urgency, summed from the pre-aggregate.</summary>
public sealed record OpenCaseCount(Guid OfficeId, CaseStatus Status, Guid LeadLawyerId, bool IsUrgent, int Cases);

/// <summary>Open cases by status and by office; its rows also feed the lawyers' caseloads.</summary>
public sealed record OpenCaseFigures(IReadOnlyList<OpenCaseCount> Rows, IReadOnlyList<DashboardFigure> ByStatus, IReadOnlyList<DashboardFigure> ByOffice)
{
    public int Total => ByStatus.Sum(f => f.Count);

    public static async Task<OpenCaseFigures> ReadAsync(DashboardScope scope, IReadOnlyList<(Guid Id, string Name)> offices, CancellationToken cancellationToken)
    {
        var office = scope.Office;
        var rows = await scope.Db.Set<DashboardOpenCase>().AsNoTracking()
            .Where(x => office == null || x.OfficeId == office)
            .GroupBy(x => new { x.OfficeId, x.Status, x.LeadLawyerId, x.IsUrgent })
            .Select(g => new OpenCaseCount(g.Key.OfficeId, g.Key.Status, g.Key.LeadLawyerId, g.Key.IsUrgent, g.Sum(x => x.Cases)))
            .ToListAsync(cancellationToken);
        var byStatus = new[] { CaseStatus.Open, CaseStatus.InProgress }
            .Select(s => new DashboardFigure(s.ToString(), CaseText.Enum(scope.L, s), rows.Where(x => x.Status == s).Sum(x => x.Cases), scope.Cases(status: s.ToString())))
            .ToList();
        var byOffice = offices.Where(o => office == null || o.Id == office)
            .Select(o => new DashboardFigure(o.Id.ToString(), o.Name, rows.Where(x => x.OfficeId == o.Id).Sum(x => x.Cases),
                scope.Cases(status: CaseListQuery.ActiveStatus, officeId: o.Id.ToString())))
            .Where(f => f.Count > 0 || office != null)
            .ToList();
        return new OpenCaseFigures(rows, byStatus, byOffice);
    }
}

/// <summary>Open cases by category (a case counts once in each of its categories), in the categories' order.</summary>
public static class CategoryFigures
{
    public static async Task<IReadOnlyList<DashboardFigure>> ReadAsync(DashboardScope scope, IReadOnlyList<ComplaintCategory> categories, CancellationToken cancellationToken)
    {
        var office = scope.Office;
        var counts = await scope.Db.Set<DashboardOpenCategory>().AsNoTracking()
            .Where(x => office == null || x.OfficeId == office)
            .GroupBy(x => x.CategoryId).Select(g => new { Id = g.Key, Cases = g.Sum(x => x.Cases) })
            .ToDictionaryAsync(x => x.Id, x => x.Cases, cancellationToken);
        return categories
            .Where(c => counts.GetValueOrDefault(c.Id) > 0)
            .Select(c => new DashboardFigure(c.Id.ToString(CultureInfo.InvariantCulture), c.Name(scope.Language), counts[c.Id],
                scope.Cases(status: CaseListQuery.ActiveStatus, category: c.Id.ToString(CultureInfo.InvariantCulture))))
            .ToList();
    }
}

/// <summary>Open cases by the principal client's citizenship, largest first ("not recorded" included).</summary>
public static class CitizenshipFigures
{
    public static async Task<IReadOnlyList<DashboardFigure>> ReadAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        var office = scope.Office;
        var counts = await scope.Db.Set<DashboardOpenCitizenship>().AsNoTracking()
            .Where(x => office == null || x.OfficeId == office)
            .GroupBy(x => x.Citizenship).Select(g => new { Code = g.Key, Cases = g.Sum(x => x.Cases) })
            .ToListAsync(cancellationToken);
        return counts.Where(c => c.Cases > 0)
            .Select(c => Figure(scope, c.Code, c.Cases))
            .OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.CurrentCulture)
            .ToList();
    }

    private static DashboardFigure Figure(DashboardScope scope, string code, int cases)
    {
        var value = code == "" ? CaseListQuery.NoCitizenship : code;
        var label = code == "" ? scope.L["Not recorded"].Value : scope.L[Citizenships.ResourceKey(code)].Value;
        return new DashboardFigure(value, label, cases, scope.Cases(status: CaseListQuery.ActiveStatus, citizenship: value));
    }
}

/// <summary>Intakes submitted and cases closed per week (Monday to Sunday) of the period.</summary>
public static class WeeklyFigures
{
    public static async Task<IReadOnlyList<DashboardWeekRow>> ReadAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        var office = scope.Office;
        var firstWeek = DashboardFilter.WeekStart(scope.Filter.From);
        var lastWeek = DashboardFilter.WeekStart(scope.Filter.To);
        var counts = await scope.Db.Set<DashboardWeek>().AsNoTracking()
            .Where(x => (office == null || x.OfficeId == office) && x.WeekStart >= firstWeek && x.WeekStart <= lastWeek)
            .GroupBy(x => x.WeekStart).Select(g => new { Week = g.Key, Intakes = g.Sum(x => x.Intakes), Closed = g.Sum(x => x.Closed) })
            .ToDictionaryAsync(x => x.Week, cancellationToken);
        var weeks = new List<DashboardWeekRow>();
        for (var week = firstWeek; week <= lastWeek; week = week.AddDays(7))
        {
            var end = week.AddDays(6);
            var count = counts.GetValueOrDefault(week);
            weeks.Add(new DashboardWeekRow(week, end,
                count?.Intakes ?? 0,
                new IntakeFilterQuery { Office = scope.OfficeText, SubmittedFrom = DashboardQuery.Iso(week), SubmittedTo = DashboardQuery.Iso(end) }.ToUrl(),
                count?.Closed ?? 0,
                scope.Cases(status: nameof(CaseStatus.Closed), closedFrom: DashboardQuery.Iso(week), closedTo: DashboardQuery.Iso(end))));
        }

        return weeks;
    }
}
