using System.Globalization;
using System.Text;

namespace MigrantAid.Tools.Benchmark;

/// <summary>A page's handler, timed by the benchmark.</summary>
/// <param name="TargetMs">p95 target; 0 for a scenario measured for information only.</param>
/// <param name="Run">One call of the page's handler, resolved from the run's own scope; the int varies the parameters.</param>
internal sealed record BenchmarkScenario(string Name, double TargetMs, Func<IServiceProvider, int, Task> Run);

/// <summary>The timings of one scenario and the plans of the statements it ran.</summary>
internal sealed record BenchmarkResult(BenchmarkScenario Scenario, double P50, double P95, double Max, IReadOnlyList<(string Sql, string Plan)> Plans)
{
    /// <summary>PostgreSQL's own execution time of the statements, summed from the plans: the part no client or network adds.</summary>
    public double ServerMs => Plans.Sum(p => BenchmarkReport.ExecutionTime().Match(p.Plan) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
}

/// <summary>The benchmark's Markdown report: the table of timings, then each scenario's SQL with its plan.</summary>
internal static partial class BenchmarkReport
{
    [System.Text.RegularExpressions.GeneratedRegex(@"Execution Time: ([0-9.]+) ms")]
    public static partial System.Text.RegularExpressions.Regex ExecutionTime();

    /// <summary>"≤ 100", or a dash for a scenario measured for information (a known slow path).</summary>
    public static string Target(BenchmarkScenario scenario) => scenario.TargetMs == 0 ? "—" : "≤ " + scenario.TargetMs.ToString(CultureInfo.InvariantCulture);

    public static string Write(BenchmarkFixtures fixtures, int runs, List<BenchmarkResult> results)
    {
        var report = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        report.AppendLine(inv, $"Measured on {DateTime.UtcNow:yyyy-MM-dd} with {fixtures.Cases:N0} cases, {runs} runs per scenario.");
        report.AppendLine();
        report.AppendLine("| scenario | p50 ms | p95 ms | max ms | in PostgreSQL ms | target p95 |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            report.AppendLine(inv, $"| {r.Scenario.Name} | {r.P50:F1} | {r.P95:F1} | {r.Max:F1} | {r.ServerMs:F1} | {Target(r.Scenario)} |");
        }

        foreach (var r in results)
        {
            report.AppendLine();
            report.AppendLine(inv, $"### {r.Scenario.Name}");
            foreach (var (sql, plan) in r.Plans)
            {
                report.AppendLine();
                report.AppendLine("```sql");
                report.AppendLine(sql.Trim());
                report.AppendLine("```");
                report.AppendLine();
                report.AppendLine("```text");
                report.AppendLine(plan);
                report.AppendLine("```");
            }
        }

        return report.ToString();
    }
}
