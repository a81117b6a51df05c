using Microsoft.Extensions.Localization;
using MigrantAid.Web;
using MigrantAid.Web.Features.Dashboard;
using MigrantAid.Web.Security;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Issue 5's dashboard scenarios, run through <see cref="ViewDashboardHandler"/> and
/// <see cref="DashboardListsHandler"/> (every query the page runs), with the portal's own localizer.
/// </summary>
internal static class DashboardScenarios
{
    public static List<BenchmarkScenario> For(BenchmarkFixtures f)
    {
        var offices = f.Offices.Take(BenchmarkFixtures.Busiest).ToList();
        if (offices.Count == 0)
        {
            return [];
        }

        string Office(int i) => offices[i % offices.Count].ToString();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        string YearAgo(int i) => DashboardQuery.Iso(today.AddDays(-365 - (i % 7)));

        return
        [
            new("dashboard: all offices, last 12 weeks", 200,
                (sp, i) => Dashboard(sp, f.Coordinator, new DashboardQuery())),
            new("dashboard: one office, last 12 weeks", 200,
                (sp, i) => Dashboard(sp, f.Coordinator, new DashboardQuery { Office = Office(i) })),
            new("dashboard: all offices, a year", 200,
                (sp, i) => Dashboard(sp, f.Coordinator, new DashboardQuery { From = YearAgo(i), To = DashboardQuery.Iso(today) })),
            new("dashboard: one office, a year", 200,
                (sp, i) => Dashboard(sp, f.Coordinator, new DashboardQuery { Office = Office(i), From = YearAgo(i), To = DashboardQuery.Iso(today) })),
            new("dashboard list: overdue deadlines, one office", 100,
                (sp, i) => sp.GetRequiredService<DashboardListsHandler>().DeadlinesAsync(new DashboardListQuery { Window = "overdue", Office = Office(i) }, f.Coordinator, Localizer(sp))),
        ];
    }

    private static Task Dashboard(IServiceProvider services, Viewer viewer, DashboardQuery query) =>
        services.GetRequiredService<ViewDashboardHandler>().HandleAsync(query, viewer, Localizer(services));

    private static IStringLocalizer Localizer(IServiceProvider services) => services.GetRequiredService<IStringLocalizer<SharedResource>>();
}
