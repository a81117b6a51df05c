using MigrantAid.Web.Features.Desk;
using MigrantAid.Web.Security;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Issue 4's scenarios: "My deadlines" and the month and week calendar, run through the features' own
/// handlers (<see cref="ViewDeskHandler"/>, <see cref="ViewCalendarHandler"/>), so the benchmark
/// measures exactly what the pages run: the filter lists, the scope, and the LATERAL reads of each group.
/// </summary>
internal static class DeskScenarios
{
    public static List<BenchmarkScenario> For(BenchmarkFixtures f)
    {
        var lawyers = f.BusyLawyers.Take(BenchmarkFixtures.Busiest).ToList();
        var offices = f.Offices.Take(BenchmarkFixtures.Busiest).ToList();
        if (lawyers.Count == 0 || offices.Count == 0)
        {
            return [];
        }

        Viewer Lawyer(int i) => lawyers[i % lawyers.Count];
        string Office(int i) => offices[i % offices.Count].ToString();
        DateOnly Month(int i) => DateOnly.FromDateTime(DateTime.UtcNow).AddMonths((i % 3) - 1);

        return
        [
            new("desk: My deadlines, busy lawyer", 50,
                (sp, i) => Desk(sp, Lawyer(i), new DeskQuery())),
            new("desk: coordinator, one office", 50,
                (sp, i) => Desk(sp, f.Coordinator, new DeskQuery { Office = Office(i) })),
            new("desk: coordinator, one lawyer", 50,
                (sp, i) => Desk(sp, f.Coordinator, new DeskQuery { Lawyer = Lawyer(i).UserId.ToString() })),
            new("desk: coordinator, all offices", 50,
                (sp, i) => Desk(sp, f.Coordinator, new DeskQuery { Office = DeskQuery.All })),
            new("desk: coordinator, one office, previous deadlines", 50,
                (sp, i) => Desk(sp, f.Coordinator, new DeskQuery { Office = Office(i), Bucket = "month", Before = MonthEnd() })),
            new("desk: coordinator, all offices, previous hearings", 50,
                (sp, i) => Desk(sp, f.Coordinator, new DeskQuery { Office = DeskQuery.All, Bucket = "month", HearingsBefore = MonthEndInstant() })),
            new("calendar month: busy lawyer", 50,
                (sp, i) => Calendar(sp, Lawyer(i), new DeskQuery { Date = DeskFilter.Iso(Month(i)) })),
            new("calendar month: coordinator, one office", 50,
                (sp, i) => Calendar(sp, f.Coordinator, new DeskQuery { Office = Office(i), Date = DeskFilter.Iso(Month(i)) })),
            new("calendar month: coordinator, one lawyer", 50,
                (sp, i) => Calendar(sp, f.Coordinator, new DeskQuery { Lawyer = Lawyer(i).UserId.ToString(), Date = DeskFilter.Iso(Month(i)) })),
            new("calendar month: coordinator, all offices", 50,
                (sp, i) => Calendar(sp, f.Coordinator, new DeskQuery { Office = DeskQuery.All, Date = DeskFilter.Iso(Month(i)) })),
            new("calendar week: coordinator, one office", 50,
                (sp, i) => Calendar(sp, f.Coordinator, new DeskQuery { Office = Office(i), View = "week", Date = DeskFilter.Iso(Month(i)) })),
            new("calendar day: coordinator, all offices", 50,
                (sp, i) => Calendar(sp, f.Coordinator, new DeskQuery { Office = DeskQuery.All, View = "day", Date = DeskFilter.Iso(Month(i)) })),
        ];
    }

    /// <summary>A "previous" position past the 30-day group's last row: its last page, walked backwards.</summary>
    private static string MonthEnd() => DeskFilter.Iso(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(31)) + "_" + Guid.AllBitsSet.ToString("N");

    private static string MonthEndInstant() => DeskPositions.Hearing(DateTimeOffset.UtcNow.AddDays(32), Guid.AllBitsSet);

    private static Task Desk(IServiceProvider services, Viewer viewer, DeskQuery query) =>
        services.GetRequiredService<ViewDeskHandler>().HandleAsync(query, viewer);

    private static Task Calendar(IServiceProvider services, Viewer viewer, DeskQuery query) =>
        services.GetRequiredService<ViewCalendarHandler>().HandleAsync(query, viewer);
}
