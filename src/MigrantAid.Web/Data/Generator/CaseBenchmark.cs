using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Security;
using Npgsql;

namespace MigrantAid.Web.Data.Generator;

/// <summary>
/// Times the case list, search and case page on a (generated) database: each scenario runs
/// <c>runs</c> times with varying parameters (different lawyers, names, positions, cases), each run
/// with a fresh context as a request would, after three untimed warm-up runs; prints p50/p95/max.
/// Then runs one representative execution again, capturing the SQL EF sends, and records
/// <c>EXPLAIN (ANALYZE, BUFFERS)</c> of every SELECT into a Markdown report.
/// </summary>
public sealed partial class CaseBenchmark(string connectionString, TextWriter output)
{
    private const int WarmUp = 3;

    /// <param name="TargetMs">p95 target; 0 for a scenario measured for information only.</param>
    private sealed record Scenario(string Name, double TargetMs, Func<AppDbContext, int, Task> Run);

    private sealed record Result(Scenario Scenario, double P50, double P95, double Max, IReadOnlyList<(string Sql, string Plan)> Plans)
    {
        /// <summary>PostgreSQL's own execution time of the statements, summed from the plans: the part no client or network adds.</summary>
        public double ServerMs => Plans.Sum(p => ExecutionTime().Match(p.Plan) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    /// <param name="only">When given, only the scenarios whose name contains it.</param>
    public async Task RunAsync(int runs, string? reportPath, string? only = null, CancellationToken cancellationToken = default)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var capture = new CommandCapture();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(dataSource).AddInterceptors(capture).Options;

        Fixtures fixtures;
        await using (var db = new AppDbContext(options))
        {
            fixtures = await Fixtures.LoadAsync(db, runs, cancellationToken);
            await fixtures.LoadDeskAsync(db, runs, cancellationToken);
        }

        var scenarios = Scenarios(fixtures).Concat(DeskScenarios(fixtures)).Concat(FeedScenarios(fixtures)).Concat(HomeScenarios(fixtures)).Concat(StatisticsScenarios(fixtures)).Concat(DashboardScenarios(fixtures))
            .Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
        var results = new List<Result>();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"benchmark: {fixtures.Cases:N0} cases, {runs} runs per scenario"));
        await output.WriteLineAsync($"{"scenario",-52} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"server",8} {"target",8}");
        foreach (var scenario in scenarios)
        {
            for (var i = 0; i < WarmUp; i++)
            {
                await RunOnceAsync(options, scenario, i);
            }

            var times = new List<double>(runs);
            for (var i = 0; i < runs; i++)
            {
                times.Add(await RunOnceAsync(options, scenario, i));
            }

            capture.Start();
            await RunOnceAsync(options, scenario, 0);
            var plans = new List<(string, string)>();
            foreach (var command in capture.Stop())
            {
                plans.Add((command.Text, await ExplainAsync(dataSource, command, cancellationToken)));
            }

            times.Sort();
            var result = new Result(scenario, Percentile(times, 0.50), Percentile(times, 0.95), times[^1], plans);
            results.Add(result);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name,-52} {result.P50,8:F1} {result.P95,8:F1} {result.Max,8:F1} {result.ServerMs,8:F1} {Target(scenario),8} {(scenario.TargetMs == 0 ? "" : result.P95 <= scenario.TargetMs ? "ok" : "MISSED")}"));
        }

        if (reportPath is not null)
        {
            await File.WriteAllTextAsync(reportPath, Report(fixtures, runs, results), cancellationToken);
            await output.WriteLineAsync($"benchmark: plans written to {reportPath}");
        }
    }

    private static List<Scenario> Scenarios(Fixtures f) =>
    [
        new("list, first page, coordinator (all cases)", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, null, null)),
        new("list, first page, lawyer (My cases)", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Lawyers[i % f.Lawyers.Count], true, null, null, null, null)),
        new("list, first page, caseworker (My cases)", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Caseworkers[i % f.Caseworkers.Count], true, null, null, null, null)),
        new("list, deep keyset page, coordinator", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, null, f.Positions[i % f.Positions.Count])),
        new("list, deep keyset page, caseworker (office)", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Caseworkers[i % f.Caseworkers.Count], false, null, null, null, f.Positions[i % f.Positions.Count])),
        new("search name + status, coordinator", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, CaseStatus.InProgress, null, f.Names[i % f.Names.Count], null)),
        new("search name + office, caseworker", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Caseworkers[i % f.Caseworkers.Count], false, null, f.Caseworkers[i % f.Caseworkers.Count].OfficeId, f.Names[i % f.Names.Count], null)),
        new("search employer name, coordinator", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, f.Respondents[i % f.Respondents.Count], null)),
        new("search words every police station shares, coordinator", 0,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, "Отдел полиции", null)),
        new("search reference prefix, coordinator", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, f.References[i % f.References.Count], null)),
        new("search a common surname alone, coordinator", 0,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, f.Names[i % f.Names.Count].Split(' ')[0], null)),
        new("proposed: search name + status, every word", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, CaseStatus.InProgress, null, f.Names[i % f.Names.Count], null, everyWord: true)),
        new("proposed: search name + office, caseworker, every word", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Caseworkers[i % f.Caseworkers.Count], false, null, f.Caseworkers[i % f.Caseworkers.Count].OfficeId, f.Names[i % f.Names.Count], null, everyWord: true)),
        new("proposed: search employer name, every word", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, f.Respondents[i % f.Respondents.Count], null, everyWord: true)),
        new("proposed: search reference prefix, as a reference", 100,
            (db, i) => CaseBenchmarkQueries.ListAsync(db, f.Coordinator, false, null, null, f.References[i % f.References.Count], null, everyWord: true)),
        new("case page (all its queries + audit row)", 50,
            (db, i) => CaseBenchmarkQueries.CasePageAsync(db, f.Coordinator, f.CaseIds[i % f.CaseIds.Count])),
    ];

    [System.Text.RegularExpressions.GeneratedRegex(@"Execution Time: ([0-9.]+) ms")]
    private static partial System.Text.RegularExpressions.Regex ExecutionTime();

    /// <summary>"≤ 100", or a dash for a scenario measured for information (a known slow path).</summary>
    private static string Target(Scenario scenario) => scenario.TargetMs == 0 ? "—" : "≤ " + scenario.TargetMs.ToString(CultureInfo.InvariantCulture);

    private static async Task<double> RunOnceAsync(DbContextOptions<AppDbContext> options, Scenario scenario, int i)
    {
        var started = Stopwatch.GetTimestamp();
        await using (var db = new AppDbContext(options))
        {
            await scenario.Run(db, i);
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

    private static string Report(Fixtures fixtures, int runs, List<Result> results)
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

    /// <summary>Who asks and what: staff of the generated data and parameters drawn evenly from the cases.</summary>
    private sealed record Fixtures(
        long Cases, Viewer Coordinator, IReadOnlyList<Viewer> Lawyers, IReadOnlyList<Viewer> Caseworkers,
        IReadOnlyList<(DateOnly, Guid)> Positions, IReadOnlyList<string> Names, IReadOnlyList<string> Respondents,
        IReadOnlyList<string> References, IReadOnlyList<Guid> CaseIds)
    {
        /// <summary>The lawyers with the most cases (issue 4's "busy lawyer"), busiest first; filled by <see cref="LoadDeskAsync"/>.</summary>
        public IReadOnlyList<Viewer> BusyLawyers { get; private set; } = [];

        /// <summary>Offices by their number of cases, largest first.</summary>
        public IReadOnlyList<Guid> Offices { get; private set; } = [];

        public async Task LoadDeskAsync(AppDbContext db, int count, CancellationToken cancellationToken)
        {
            var busy = await db.Cases.AsNoTracking().Where(c => c.LeadLawyerId != null)
                .GroupBy(c => c.LeadLawyerId!.Value).Select(g => new { Id = g.Key, Cases = g.Count() })
                .OrderByDescending(g => g.Cases).Take(count).ToListAsync(cancellationToken);
            var ids = busy.Select(b => b.Id).ToList();
            var offices = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.OfficeId, cancellationToken);
            BusyLawyers = busy.Select(b => new Viewer(b.Id, offices.GetValueOrDefault(b.Id), false, true, false)).ToList();
            Offices = await db.Cases.AsNoTracking().GroupBy(c => c.OfficeId).OrderByDescending(g => g.Count()).Select(g => g.Key).ToListAsync(cancellationToken);
        }

        public static async Task<Fixtures> LoadAsync(AppDbContext db, int count, CancellationToken cancellationToken)
        {
            var total = await db.Cases.LongCountAsync(cancellationToken);
            if (total == 0)
            {
                throw new InvalidOperationException("No cases: run 'generate' first.");
            }

            async Task<List<Viewer>> StaffAsync(string role, bool lawyer, bool caseworker, bool coordinator) =>
                (await db.Users.AsNoTracking()
                    .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)))
                    .OrderBy(u => u.Id).Take(count).Select(u => new { u.Id, u.OfficeId }).ToListAsync(cancellationToken))
                .Select(u => new Viewer(u.Id, u.OfficeId, coordinator, lawyer, caseworker)).ToList();

            // Cases at random (uuid order): their positions are at random depths, their clients random people.
            var sample = await db.Cases.AsNoTracking().OrderBy(c => c.Id).Take(count)
                .Select(c => new
                {
                    c.Id,
                    c.OpenedOn,
                    c.Reference,
                    Client = db.Clients.Where(cl => cl.Id == c.PrincipalClientId).Select(cl => cl.FullName).First(),
                    Respondent = db.Respondents.Where(r => r.IntakeId == c.IntakeId && r.Type == RespondentType.Employer).Select(r => r.Name).FirstOrDefault(),
                })
                .ToListAsync(cancellationToken);

            return new Fixtures(
                total,
                (await StaffAsync(Roles.Coordinator, false, false, true))[0],
                await StaffAsync(Roles.Lawyer, true, false, false),
                await StaffAsync(Roles.Caseworker, false, true, false),
                sample.Select(s => (s.OpenedOn, s.Id)).ToList(),

                // Typed the other way round from how the name was saved (Cyrillic → Latin), as the search must cope with.
                sample.Select(s => Transliteration.ToLatin(s.Client)).ToList(),
                sample.Where(s => s.Respondent is not null).Select(s => s.Respondent!).DefaultIfEmpty("ООО").ToList(),

                // "SPB-2025-01": the office, year and the start of the number, as someone types a reference from memory.
                sample.Select(s => s.Reference[..^2]).ToList(),
                sample.Select(s => s.Id).ToList());
        }
    }

    private sealed record CapturedCommand(string Text, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Records the SELECT commands EF sends while capturing is on.</summary>
    private sealed class CommandCapture : DbCommandInterceptor
    {
        private List<CapturedCommand>? _captured;

        public void Start() => _captured = [];

        public List<CapturedCommand> Stop()
        {
            var captured = _captured ?? [];
            _captured = null;
            return captured;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_captured is not null && command.CommandText.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
            {
                _captured.Add(new CapturedCommand(command.CommandText, command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone()).ToList()));
            }

            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
