using System.Diagnostics;
using System.Globalization;
using System.Text;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// Times the pages' own handlers on a (generated) database: each scenario resolves the handler the page
/// uses from the portal's own service registration and calls it, so the benchmark runs exactly the
/// queries the portal runs and cannot drift from them. Each scenario runs <c>runs</c> times with varying
/// parameters (different lawyers, names, positions, cases), each run in a fresh scope (a new context, as a
/// request would have), after three untimed warm-up runs; prints p50/p95/max. Then runs one
/// representative execution again, capturing the SQL EF sends (<see cref="CommandCapture"/>), and records
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of every SELECT into a Markdown report.
/// </summary>
/// <param name="services">The tools' host services: the portal's registration (<see cref="ToolHost"/>).</param>
public sealed class CaseBenchmark(IServiceProvider services, TextWriter output)
{
    private const int WarmUp = 3;

    /// <param name="only">When given, only the scenarios whose name contains it.</param>
    public async Task RunAsync(int runs, string? reportPath, string? only = null, CancellationToken cancellationToken = default)
    {
        await using var dataSource = NpgsqlDataSource.Create(services.GetRequiredService<DatabaseConnections>().Migrations);
        var capture = services.GetRequiredService<CommandCapture>();

        BenchmarkFixtures fixtures;
        await using (var scope = services.CreateAsyncScope())
        {
            fixtures = await BenchmarkFixtures.LoadAsync(scope.ServiceProvider, runs, cancellationToken);
        }

        var scenarios = ListScenarios.For(fixtures).Concat(DeskScenarios.For(fixtures)).Concat(FeedScenarios.For(fixtures)).Concat(HomeScenarios.For(fixtures))
            .Concat(StatisticsScenarios.For(fixtures)).Concat(DashboardScenarios.For(fixtures))
            .Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new List<BenchmarkResult>();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"benchmark: {fixtures.Cases:N0} cases, {runs} runs per scenario"));
        await output.WriteLineAsync($"{"scenario",-52} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"server",8} {"target",8}");
        foreach (var scenario in scenarios)
        {
            for (var i = 0; i < WarmUp; i++)
            {
                await RunOnceAsync(scenario, i);
            }

            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                times.Add(await RunOnceAsync(scenario, i));
            }

            capture.Start();
            await RunOnceAsync(scenario, 0);
            var plans = new List<(string, string)>();
            foreach (var command in capture.Stop())
            {
                plans.Add((command.Text, await ExplainAsync(dataSource, command, cancellationToken)));
            }

            times.Sort();
            var result = new BenchmarkResult(scenario, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], plans);
            results.Add(result);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name,-52} {result.P50,8:F1} {result.P95,8:F1} {result.Max,8:F1} {result.ServerMs,8:F1} {BenchmarkReport.Target(scenario),8} {(scenario.TargetMs == 0 ? "" : result.P95 <= scenario.TargetMs ? "ok" : "MISSED")}"));
        }

        if (reportPath is not null)
        {
            await File.WriteAllTextAsync(reportPath, BenchmarkReport.Write(fixtures, runs, results), cancellationToken);
            await output.WriteLineAsync($"benchmark: plans written to {reportPath}");
        }
    }

    private async Task<double> RunOnceAsync(BenchmarkScenario scenario, int i)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var scope = services.CreateAsyncScope())
        {
            await scenario.Run(scope.ServiceProvider, i);
        }

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static async Task<string> ExplainAsync(NpgsqlDataSource dataSource, CapturedCommand command, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var explain = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + command.Text, connection);
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }

        var plan = new StringBuilder();
        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.AppendLine(reader.GetString(0));
        }

        return plan.ToString().TrimEnd();
    }
}
