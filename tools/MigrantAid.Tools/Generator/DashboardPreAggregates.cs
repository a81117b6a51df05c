using System.Globalization;
using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// The pre-aggregates that <c>generate</c> loads with their triggers off and rebuilds at the end: the
/// dashboard's (migration 0015) and the statistics cube (migration 0027).
/// </summary>
public static class DashboardPreAggregates
{
    /// <summary>Switches the triggers of both off for the loading connection's session.</summary>
    public const string TriggersOff = "SET migrantaid.dashboard = 'off'; SET migrantaid.statistics_cube = 'off'";

    /// <summary>Recomputes the pre-aggregates after a load made with their triggers off.</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, TextWriter output, CancellationToken cancellationToken = default)
    {
        await RunAsync(connection, output, "SET migrantaid.dashboard = ''; SELECT dashboard_rebuild()", "dashboard pre-aggregates", cancellationToken);
        await RunAsync(connection, output, "SET migrantaid.statistics_cube = ''; SELECT statistics_cube_rebuild()", "statistics cube", cancellationToken);
    }

    private static async Task RunAsync(NpgsqlConnection connection, TextWriter output, string sql, string what, CancellationToken cancellationToken)
    {
        var started = DateTime.UtcNow;
        await using (var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: {what} rebuilt in {(DateTime.UtcNow - started).TotalSeconds:F0} s"));
    }
}
