using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Dashboard;

/// <summary>
/// Caseload per lawyer: every active lawyer of the office and every lead lawyer of an open case, with their open
/// and urgent cases and their overdue deadlines, busiest first.
/// </summary>
public static class LawyerCaseloads
{
    /// <summary>The dashboard shows the largest caseloads; every lawyer's is on its own list (400 rows were 280 KB of the page).</summary>
    public const int OnDashboard = 25;

    public static async Task<IReadOnlyList<DashboardLawyerRow>> ReadAsync(DashboardScope scope, IReadOnlyList<OpenCaseCount> open, string normalizedLawyerRole,
        CancellationToken cancellationToken)
    {
        var (db, office, today) = (scope.Db, scope.Office, scope.Today);
        var overdue = await db.Set<DashboardOpenDeadline>().AsNoTracking()
            .Where(x => (office == null || x.OfficeId == office) && x.DueOn < today)
            .GroupBy(x => x.LeadLawyerId).Select(g => new { Lawyer = g.Key, Deadlines = g.Sum(x => x.Deadlines) })
            .ToDictionaryAsync(x => x.Lawyer, x => x.Deadlines, cancellationToken);
        var leads = open.Select(x => x.LeadLawyerId).Concat(overdue.Where(x => x.Value > 0).Select(x => x.Key)).Where(id => id != Guid.Empty).Distinct().ToList();
        var lawyers = await db.Users.AsNoTracking()
            .Where(u => leads.Contains(u.Id)
                || ((office == null || u.OfficeId == office) && u.IsActive
                    && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalizedLawyerRole))))
            .Select(u => new { u.Id, u.FullName })
            .ToListAsync(cancellationToken);
        var active = CaseListQuery.ActiveStatus;
        return lawyers
            .Select(u => new DashboardLawyerRow(u.Id, u.FullName,
                open.Where(x => x.LeadLawyerId == u.Id).Sum(x => x.Cases), scope.Cases(status: active, lead: u.Id.ToString()),
                open.Where(x => x.LeadLawyerId == u.Id && x.IsUrgent).Sum(x => x.Cases), scope.Cases(status: active, lead: u.Id.ToString(), urgent: true),
                overdue.GetValueOrDefault(u.Id), DashboardLinks.Deadlines(DeadlineWindow.Overdue, scope.OfficeText, u.Id.ToString())))
            .OrderByDescending(r => r.Open).ThenBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }
}

/// <summary>Open deadlines of open cases: overdue, and due in the next <see cref="NextDays"/> days (today included).</summary>
public static class DeadlineFigures
{
    public const int NextDays = 14;

    public static async Task<(DashboardFigure Overdue, DashboardFigure Next)> ReadAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        var (office, today) = (scope.Office, scope.Today);
        var nextEnd = today.AddDays(NextDays - 1);
        var counts = await scope.Db.Set<DashboardOpenDeadline>().AsNoTracking()
            .Where(x => (office == null || x.OfficeId == office) && x.DueOn <= nextEnd)
            .GroupBy(x => x.DueOn < today)
            .Select(g => new { Overdue = g.Key, Deadlines = g.Sum(x => x.Deadlines) })
            .ToListAsync(cancellationToken);
        var overdue = new DashboardFigure("overdue", scope.L["Overdue deadlines"].Value, counts.Where(x => x.Overdue).Sum(x => x.Deadlines),
            DashboardLinks.Deadlines(DeadlineWindow.Overdue, scope.OfficeText, null));
        var next = new DashboardFigure("next14", scope.L["Deadlines due in the next 14 days"].Value, counts.Where(x => !x.Overdue).Sum(x => x.Deadlines),
            DashboardLinks.Deadlines(DeadlineWindow.Next14, scope.OfficeText, null));
        return (overdue, next);
    }
}

/// <summary>Urgent intakes still waiting for a decision: the clock of all of them, and the figure of those past their response target.</summary>
public static class UrgentIntakeFigure
{
    public static async Task<(UrgentClock Clock, DashboardFigure Late)> ReadAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        var clock = await UrgentClock.ReadAsync(scope.Db, scope.Office, scope.Now, scope.L, cancellationToken);
        var late = new DashboardFigure("urgent-intakes", scope.L["Urgent intakes unassigned past their response target"].Value, clock.LateCount,
            new IntakeFilterQuery { Office = scope.OfficeText, Overdue = "urgent" }.ToUrl());
        return (clock, late);
    }
}

/// <summary>Clients on open cases whose documents expire within <see cref="ExpiryDays"/> days.</summary>
public static class ExpiringDocumentsFigure
{
    public const int ExpiryDays = 30;

    public static async Task<DashboardFigure> ReadAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        var (office, today) = (scope.Office, scope.Today);
        var expiryEnd = today.AddDays(ExpiryDays);
        var expiring = await scope.Db.Set<DashboardOpenClientDocument>().AsNoTracking()
            .Where(x => x.ExpiresOn >= today && x.ExpiresOn <= expiryEnd && x.OpenCases > 0 && (office == null || x.OfficeId == office))
            .Select(x => x.ClientId).Distinct().CountAsync(cancellationToken);
        return new DashboardFigure("expiring", scope.L["Clients with open cases whose documents expire within 30 days"].Value, expiring,
            new ListClientsQuery { Expiring = ExpiryDays.ToString(CultureInfo.InvariantCulture), Office = scope.OfficeText }.ToUrl(null));
    }
}
