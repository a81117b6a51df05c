using System.Globalization;
using MigrantAid.Tools.Benchmark;
using MigrantAid.Tools.Generator;
using MigrantAid.Web.Data;
using MigrantAid.Web.Infrastructure;
using Npgsql;

namespace MigrantAid.Tools;

/// <summary>
/// The <c>generate</c>, <c>benchmark</c> and <c>benchmark-users</c> verbs (<c>capture-sql</c> needs no host: see
/// <see cref="Program"/>). generate refuses a database holding real data (<see cref="SyntheticDatabaseMark"/>). All three
/// refuse to run in Production unless given <c>--yes-i-mean-it</c>: generate fills the database with invented people,
/// benchmark loads it, benchmark-users sets passwords. All apply pending migrations first, as the portal's own verbs do, and connect as the owner role
/// (ConnectionStrings:Migrations; see <see cref="ToolHost"/>).
/// </summary>
public static class ToolCommands
{
    public const string Confirm = "--yes-i-mean-it";

    public const string Usage =
        $"usage: MigrantAid.Tools generate --cases N [--seed 42] [--batch 20000] [--dates-per-case 3] [--rebuild-indexes] [{Confirm}]\n" +
        $"       MigrantAid.Tools benchmark [--runs 50] [--only NAME] [--report FILE] [{Confirm}]\n" +
        $"       MigrantAid.Tools benchmark-users --emails E1,E2 --password-file FILE [{Confirm}]\n" +
        "       MigrantAid.Tools capture-sql --out SCRIPT < server-log-excerpt";

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "generate" or "benchmark" or "benchmark-users";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (app.Environment.IsProduction() && !args.Contains(Confirm))
        {
            await Console.Error.WriteLineAsync($"{args[0]}: refused in Production (it writes invented data or loads the database). " +
                $"Use a separate database with ASPNETCORE_ENVIRONMENT=Development, or add {Confirm}.");
            return 2;
        }

        await Commands.MigrateAsync(app.Services);
        return args[0] switch
        {
            "generate" => await GenerateAsync(app.Services, args),
            "benchmark-users" => await BenchmarkUsers.RunAsync(app.Services, args),
            _ => await BenchmarkAsync(app.Services, args),
        };
    }

    private static async Task<int> GenerateAsync(IServiceProvider root, string[] args)
    {
        if (!int.TryParse(Commands.Option(args, "--cases"), NumberStyles.None, CultureInfo.InvariantCulture, out var cases) || cases < 1)
        {
            await Console.Error.WriteLineAsync(Usage.Split('\n')[0]);
            return 2;
        }

        var seed = int.TryParse(Commands.Option(args, "--seed"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : 42;
        var batch = int.TryParse(Commands.Option(args, "--batch"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 20_000;
        // Deadlines and hearings per case on average (issue 4): 3 makes 3,000,000 of them for 1,000,000 cases.
        var dates = double.TryParse(Commands.Option(args, "--dates-per-case"), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d >= 0 ? d : 3;

        await using var scope = root.CreateAsyncScope();
        var services = scope.ServiceProvider;
        if (await HoldsRealDataAsync(services))
        {
            await Console.Error.WriteLineAsync("generate: refused: this database holds real data (accounts that can sign in, or clients, " +
                "intakes or cases the generator did not make). Generate into a database of its own.");
            return 3;
        }

        await services.GetRequiredService<AdminBootstrapper>().EnsureRolesAsync();
        var generator = new SyntheticDataGenerator(services.GetRequiredService<AppDbContext>(), services.GetRequiredService<TimeProvider>(), Console.Out);
        await generator.RunAsync(new GeneratorOptions(cases, seed, batch, RebuildIndexes: args.Contains("--rebuild-indexes"), DatesPerCase: dates));
        return 0;
    }

    private static async Task<bool> HoldsRealDataAsync(IServiceProvider services)
    {
        await using var connection = new NpgsqlConnection(services.GetRequiredService<DatabaseConnections>().Migrations);
        await connection.OpenAsync();
        return await SyntheticDatabaseMark.HoldsRealDataAsync(connection);
    }

    private static async Task<int> BenchmarkAsync(IServiceProvider root, string[] args)
    {
        var runs = int.TryParse(Commands.Option(args, "--runs"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : 50;
        await new CaseBenchmark(root, Console.Out).RunAsync(runs, Commands.Option(args, "--report"), Commands.Option(args, "--only"));
        return 0;
    }
}
