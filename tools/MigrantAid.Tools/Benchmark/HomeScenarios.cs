using MigrantAid.Web.Features.Desk.Home;
using MigrantAid.Web.Security;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Issue 5's personal home page, run through its own handler (<see cref="ViewHomeHandler"/>, which
/// also runs the desk's): a busy lawyer's and a caseworker's cases by status, dates, notifications and intakes.
/// </summary>
internal static class HomeScenarios
{
    public static List<BenchmarkScenario> For(BenchmarkFixtures f)
    {
        var lawyers = f.BusyLawyers.Take(BenchmarkFixtures.Busiest).ToList();
        if (lawyers.Count == 0 || f.Caseworkers.Count == 0)
        {
            return [];
        }

        return
        [
            new("home: personal dashboard, busy lawyer", 200,
                (sp, i) => Home(sp, lawyers[i % lawyers.Count])),
            new("home: personal dashboard, caseworker", 200,
                (sp, i) => Home(sp, f.Caseworkers[i % f.Caseworkers.Count])),
        ];
    }

    private static Task Home(IServiceProvider services, Viewer viewer) =>
        services.GetRequiredService<ViewHomeHandler>().PersonalAsync(viewer);
}
