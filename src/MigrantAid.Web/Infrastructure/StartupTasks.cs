using Microsoft.AspNetCore.DataProtection;
using MigrantAid.Web.Data;

namespace MigrantAid.Web.Infrastructure;

/// <summary>What runs before the portal serves: migrations, the first administrator, the key ring, demo data.</summary>
public static partial class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StartupTasks).FullName!);
        var seedDemo = app.Configuration.GetValue("Demo:Seed", false);
        if (seedDemo && app.Environment.IsProduction())
        {
            throw new InvalidOperationException("Demo:Seed is refused in Production: demo accounts have a published password.");
        }

        app.Services.GetRequiredService<DatabaseConnections>().WarnIfSingleRole(logger, app.Environment);
        var runner = app.Services.GetRequiredService<MigrationRunner>();
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await runner.MigrateAsync();
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
}
