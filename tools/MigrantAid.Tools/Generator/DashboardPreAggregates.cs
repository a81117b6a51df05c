using System.Globalization;
using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <summary>The dashboard's pre-aggregates (migration 0015), which <c>generate</c> loads with their triggers off.</summary>
public static class DashboardPreAggregates
{
    /// <summary>Recomputes the pre-aggregates after a load made with the dashboard's triggers off.</summary>
    public static async Task RebuildAsync(NpgsqlConnection connection, TextWriter output, CancellationToken cancellationToken = default)
    {
        var started = DateTime.UtcNow;
        await using (var command = new NpgsqlCommand("SET migrantaid.dashboard = ''; SELECT dashboard_rebuild()", connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: dashboard pre-aggregates rebuilt in {(DateTime.UtcNow - started).TotalSeconds:F0} s"));
    }
}
