using System.Globalization;
using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Issue 5's statistics tables (target: at most 2 s at 1,000,000 cases; issue 14: 300 ms), run through the
/// feature's own handler (<see cref="BuildStatisticsHandler"/>), so the benchmark measures what the page runs:
/// the choice lists, the one GROUP BY over the pre-aggregate statistics_cube, the suppression and the labels.
/// </summary>
internal static class StatisticsScenarios
{
    public static List<BenchmarkScenario> For(BenchmarkFixtures f)
    {
        var offices = f.Offices.Take(BenchmarkFixtures.Busiest).ToList();
        string? Office(int i) => offices.Count == 0 ? null : offices[i % offices.Count].ToString();
        int Year(int i) => DateTime.UtcNow.Year - (i % 3);
        string Years(int i) => Year(i).ToString(CultureInfo.InvariantCulture);

        return
        [
            new("statistics: category × outcome, all cases", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "category", Cols = "outcome" })),
            new("statistics: citizenship × year, all cases", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "citizenship", Cols = "year" })),
            new("statistics: forum × sex, all cases", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "forum", Cols = "sex" })),
            new("statistics: category × forum (both multi-valued)", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "category", Cols = "forum" })),
            new("statistics: country × age group, one year", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "country", Cols = "age", From = Years(i), To = Years(i) })),
            new("statistics: office × outcome, adults, one citizenship", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "office", Cols = "outcome", Age = "adult", Citizenship = "UZ" })),
            new("statistics: example, one category + year + children, by country", 2000,
                // 11: "detention.child-separated", the eleventh category migration 0004 inserts.
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "country", Category = "11", Age = "child", From = Years(i), To = Years(i) })),
            new("statistics: category × sex, one office, a year range", 2000,
                (sp, i) => Table(sp, new StatisticsQuery { Rows = "category", Cols = "sex", Office = Office(i), From = Years(i + 1), To = Years(i) })),
        ];
    }

    private static Task Table(IServiceProvider services, StatisticsQuery query) =>
        services.GetRequiredService<BuildStatisticsHandler>().PageAsync(query);
}
