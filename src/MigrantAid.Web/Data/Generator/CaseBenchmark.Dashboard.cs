using System.Globalization;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Dashboard;
using MigrantAid.Web.Security;
using Npgsql;

namespace MigrantAid.Web.Data.Generator;

/// <summary>
/// Issue 5's dashboard scenarios, run through <see cref="ViewDashboardHandler"/> (every query the page
/// runs), and the rebuild of its pre-aggregates that ends <c>generate</c>.
/// </summary>
public sealed partial class CaseBenchmark
{
    /// <summary>Recomputes the dashboard's pre-aggregates (migration 0015) after a load made with its triggers off.</summary>
    public static async Task RebuildDashboardAsync(NpgsqlConnection connection, TextWriter output, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        await using (var command = new NpgsqlCommand("SET migrantaid.dashboard = ''; SELECT dashboard_rebuild()", connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: dashboard pre-aggregates rebuilt in {(DateTime.UtcNow - started).TotalSeconds:F0} s"));
    }

    private static List<Scenario> DashboardScenarios(Fixtures f)
    {
        var offices = f.Offices.Take(Busiest).ToList();
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
                (db, i) => Dashboard(db, f.Coordinator, new DashboardQuery())),
            new("dashboard: one office, last 12 weeks", 200,
                (db, i) => Dashboard(db, f.Coordinator, new DashboardQuery { Office = Office(i) })),
            new("dashboard: all offices, a year", 200,
                (db, i) => Dashboard(db, f.Coordinator, new DashboardQuery { From = YearAgo(i), To = DashboardQuery.Iso(today) })),
            new("dashboard: one office, a year", 200,
                (db, i) => Dashboard(db, f.Coordinator, new DashboardQuery { Office = Office(i), From = YearAgo(i), To = DashboardQuery.Iso(today) })),
            new("dashboard list: overdue deadlines, one office", 100,
                (db, i) => new DashboardListsHandler(db, TimeProvider.System).DeadlinesAsync(new DashboardListQuery { Window = "overdue", Office = Office(i) }, f.Coordinator, Keys.Instance)),
        ];
    }

    private static Task Dashboard(AppDbContext db, Viewer viewer, DashboardQuery query) =>
        new ViewDashboardHandler(db, Normalizer, TimeProvider.System).HandleAsync(query, viewer, Keys.Instance);

    /// <summary>A localizer that gives back its keys: the benchmark measures queries, not translations.</summary>
    private sealed class Keys : IStringLocalizer
    {
        public static readonly Keys Instance = new();

        public LocalizedString this[string name] => new(name, name);

        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
