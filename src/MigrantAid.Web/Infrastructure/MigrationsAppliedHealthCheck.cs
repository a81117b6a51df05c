using Microsoft.Extensions.Diagnostics.HealthChecks;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Infrastructure;

/// <summary>Ready only when every embedded migration is recorded in the database.</summary>
public sealed class MigrationsAppliedHealthCheck(MigrationRunner runner) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await runner.PendingAsync(cancellationToken);
            return pending.Count == 0
                ? HealthCheckResult.Healthy("All migrations applied.")
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending.");
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Database unreachable.");
        }
    }
}
