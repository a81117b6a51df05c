using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MigrantAid.Web.Infrastructure.Failure;

/// <summary>
/// Whether the start-up work (migrations, first administrator, key ring, demo data) is done. It is done at once
/// when the database is up at start; when it is not, the portal serves anyway (live, not ready, every page 503)
/// and <see cref="StartupTasks"/> finishes the work in the background as soon as the database answers.
/// </summary>
public sealed class PortalStartup
{
    private volatile bool _waiting;

    public bool IsWaitingForDatabase => _waiting;

    public void WaitForDatabase() => _waiting = true;

    public void Done() => _waiting = false;
}

/// <summary>Not ready while the start-up work waits for the database.</summary>
public sealed class PortalStartupHealthCheck(PortalStartup startup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(startup.IsWaitingForDatabase
            ? HealthCheckResult.Unhealthy("Start-up work waits for the database.")
            : HealthCheckResult.Healthy());
}
