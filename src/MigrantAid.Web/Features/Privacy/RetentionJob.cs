using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain.Privacy;

namespace MigrantAid.Web.Features.Privacy;

public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>False: the schedule never runs by itself (tests call <see cref="RetentionJob.RunIfDueAsync"/>; "Run now" still works).</summary>
    public bool RunInBackground { get; set; } = true;

    /// <summary>How often the job looks whether a day has passed since the last daily run.</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after start it first looks.</summary>
    public TimeSpan FirstCheckDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a saved schedule waits before the daily run applies it by itself (<see cref="RetentionPolicy.AutomaticFrom"/>).</summary>
    public TimeSpan ScheduleGrace { get; set; } = TimeSpan.FromDays(7);
}

/// <summary>
/// The daily run of the retention schedule (issue 15, point 2). Every instance runs the job; a PostgreSQL advisory
/// lock lets one instance at a time work, and a run happens when the last daily run started a day ago or more.
/// </summary>
public sealed partial class RetentionJob(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionJob> logger)
    : BackgroundService
{
    /// <summary>The advisory lock's key ("retention" in ASCII).</summary>
    private const long LockKey = 0x726574656e74696f;

    public static readonly TimeSpan Period = TimeSpan.FromDays(1);

    /// <summary>Runs the schedule when a day has passed since the last daily run; the counts, or null when it was not due or another instance holds the lock.</summary>
    public async Task<AnonymisationCounts?> RunIfDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var since = clock.GetUtcNow() - Period;
        if (await db.AnonymisationRuns.AnyAsync(r => r.Kind == AnonymisationKind.Schedule && r.ActorId == null && r.StartedAt > since, cancellationToken))
        {
            return null;
        }

        var policy = await db.RetentionPolicies.AsNoTracking().SingleAsync(cancellationToken);
        var applySchedule = policy.AppliesByItself(clock.GetUtcNow(), options.Value.ScheduleGrace);
        if (!applySchedule && !await Erasure.Waiting(db).AnyAsync(cancellationToken))
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (!(await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({LockKey}) AS \"Value\"").ToListAsync(cancellationToken)).Single())
            {
                return null;
            }

            try
            {
                return await scope.ServiceProvider.GetRequiredService<RetentionRunHandler>().RunAsync(null, dryRun: false, applySchedule, cancellationToken);
            }
            finally
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.RunInBackground)
        {
            return;
        }

        try
        {
            await Task.Delay(settings.FirstCheckDelay, stoppingToken);
            using var timer = new PeriodicTimer(settings.CheckEvery > TimeSpan.Zero ? settings.CheckEvery : TimeSpan.FromHours(1));
            do
            {
                try
                {
                    if (await RunIfDueAsync(stoppingToken) is { } counts)
                    {
                        LogRun(logger, counts.Cases, counts.Intakes, counts.Clients, counts.AuditEvents);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Only the type: a database message could quote a value.
                    LogFailed(logger, e.GetType().FullName ?? e.GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention run: {Cases} case(s), {Intakes} intake(s), {Clients} client(s) anonymised, {AuditEvents} audit entries removed")]
    private static partial void LogRun(ILogger logger, int cases, int intakes, int clients, long auditEvents);

    [LoggerMessage(Level = LogLevel.Error, Message = "Retention run failed ({ErrorType}); the next check tries again")]
    private static partial void LogFailed(ILogger logger, string errorType);
}

public static class PrivacyServices
{
    /// <summary>Options and the daily retention job (a hosted service unless Retention:RunInBackground is false).</summary>
    public static IServiceCollection AddRetention(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddSingleton<RetentionJob>();
        services.AddHostedService(sp => sp.GetRequiredService<RetentionJob>());
        return services;
    }
}
