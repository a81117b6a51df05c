using MigrantAid.Web.Data;

namespace MigrantAid.Web.Infrastructure;

/// <summary>What runs before the portal serves: migrations, the first administrator, demo data.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        if (app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync();
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().EnsureFromConfigurationAsync();

        if (app.Configuration.GetValue("Demo:Seed", false))
        {
            if (app.Environment.IsProduction())
            {
                throw new InvalidOperationException("Demo:Seed is refused in Production: demo accounts have a published password.");
            }

            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
