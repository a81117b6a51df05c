using Microsoft.AspNetCore.DataProtection;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Data.Encryption;
using MigrantAid.Web.Infrastructure.Failure;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// What runs before the portal serves: migrations, the first administrator, the key ring, demo data. When the
/// database cannot be reached at start, the portal serves anyway (live, not ready, every page 503) and does
/// this work in the background, trying again every few seconds, so that it serves as soon as the database is back.
/// </summary>
public static partial class StartupTasks
{
    /// <summary>Pause between two attempts while the database cannot be reached.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks).FullName!);
        var seedDemo = app.Configuration.GetValue("Demo:Seed", false);
        if (seedDemo && app.Environment.IsProduction())
        {
            throw new InvalidOperationException("Demo:Seed is refused in Production: demo accounts have a published password.");
        }

        app.Services.GetRequiredService<DatabaseConnections>().WarnIfSingleRole(logger, app.Environment);
        try
        {
            await RunOnceAsync(app, logger, seedDemo);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e))
        {
            LogWaiting(logger, e.GetType().FullName ?? e.GetType().Name);
            var startup = app.Services.GetRequiredService<PortalStartup>();
            startup.WaitForDatabase();
            _ = Task.Run(() => RetryAsync(app, logger, seedDemo, startup, app.Lifetime.ApplicationStopping));
        }
    }

    private static async Task RetryAsync(WebApplication app, ILogger logger, bool seedDemo, PortalStartup startup, CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                await Task.Delay(RetryInterval, stopping);
                try
                {
                    await RunOnceAsync(app, logger, seedDemo);
                    startup.Done();
                    LogStarted(logger);
                    return;
                }
                catch (Exception e) when (DatabaseOutage.IsOutage(e))
                {
                    // Still away: the next round tries again.
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The portal is stopping.
        }
        catch (Exception e)
        {
            // What would have stopped a start with the database up (a changed migration, say) stops this one too.
            LogFailed(logger, e);
            app.Lifetime.StopApplication();
        }
    }

    private static async Task RunOnceAsync(WebApplication app, ILogger logger, bool seedDemo)
    {
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await Commands.MigrateAndEncryptAsync(app.Services);
        }
        else if (await runner.PendingAsync() is { Count: > 0 } pending)
        {
            // Migrations are left to a separate 'migrate' run that has not happened yet. Serve anyway, reported
            // not ready by /health/ready, rather than fail on tables that do not exist yet.
            LogPendingMigrations(logger, pending.Count);
            return;
        }

        await runner.RunExclusiveAsync(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureFromConfigurationAsync();

            // Loads the shared key ring now, creating its first key if there is none, while no other instance
            // can create one of its own (instances with different keys would refuse each other's cookies).
            app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("MigrantAid.Startup").Protect([1]);

            // The field encryption keys likewise (made once, by one instance), and a missing or wrong
            // key-encryption key stops the start here rather than at the first intake opened.
            app.Services.GetRequiredService<FieldCipher>().EnsureLoaded();

            if (seedDemo)
            {
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "{PendingCount} migration(s) pending and Database:MigrateOnStart is false: not ready until 'migrate' has run; " +
        "the first administrator and demo data are set up at the next start after it")]
    private static partial void LogPendingMigrations(ILogger logger, int pendingCount);

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "The database cannot be reached ({ExceptionType}): serving 503 and not ready; the start-up work is retried every few seconds")]
    private static partial void LogWaiting(ILogger logger, string exceptionType);

    [LoggerMessage(Level = LogLevel.Information, Message = "The database answered: start-up work done, serving")]
    private static partial void LogStarted(ILogger logger);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Start-up work failed once the database answered: stopping")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
