using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace MigrantAid.Web.Data.Generator;

/// <summary>
/// The <c>generate</c> and <c>benchmark</c> verbs. Both refuse to run in Production unless given
/// <c>--yes-i-mean-it</c>: generate fills the database with invented people, and benchmark loads it.
/// </summary>
public static class SyntheticCommands
{
    public const string Confirm = "--yes-i-mean-it";

    public static bool IsCommand(string verb) => verb is "generate" or "benchmark";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (app.Environment.IsProduction() && !args.Contains(Confirm))
        {
            await Console.Error.WriteLineAsync($"{args[0]}: refused in Production (it writes invented data or loads the database). " +
                $"Use a separate database with ASPNETCORE_ENVIRONMENT=Development, or add {Confirm}.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;

        // Bulk COPY, VACUUM and the rebuilds need the owner role, not the application role the portal serves as.
        services.GetRequiredService<AppDbContext>().Database.SetConnectionString(services.GetRequiredService<DatabaseConnections>().Migrations);
        if (args[0] == "generate")
        {
            if (!int.TryParse(Option(args, "--cases"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) || cases < 1)
            {
                await Console.Error.WriteLineAsync($"usage: generate --cases N [--seed 42] [--batch 20000] [--dates-per-case 3] [--rebuild-indexes] [{Confirm}]");
                return 2;
            }

            var seed = int.TryParse(Option(args, "--seed"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 42;
            var batch = int.TryParse(Option(args, "--batch"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20_000;
            // Deadlines and hearings per case on average (issue 4): 3 makes 3,000,000 of them for 1,000,000 cases.
            var dates = double.TryParse(Option(args, "--dates-per-case"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : 3;
            await services.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
            var generator = new SyntheticDataGenerator(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), Console.Out);
            await generator.RunAsync(new GeneratorOptions(cases, seed, batch, RebuildIndexes: args.Contains("--rebuild-indexes"), DatesPerCase: dates));
            return 0;
        }

        var runs = int.TryParse(Option(args, "--runs"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 50;
        var benchmark = new CaseBenchmark(services.GetRequiredService<AppDbContext>().Database.GetConnectionString()!, Console.Out);
        await benchmark.RunAsync(runs, Option(args, "--report"), Option(args, "--only"));
        return 0;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
