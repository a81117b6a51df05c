using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <param name="RebuildIndexes">Drop the secondary indexes of the loaded tables first and build them again at the end.</param>
/// <param name="DatesPerCase">Deadlines and hearings per case on average (issue 4: 1,000,000 cases give about 3,000,000); 0 for none.</param>
public sealed record GeneratorOptions(int Cases, int Seed = 42, int BatchSize = 20_000, bool RebuildIndexes = false, double DatesPerCase = 3);

public sealed record GeneratorReport(TimeSpan Elapsed, IReadOnlyDictionary<string, long> Rows, int Offices, int Staff);

/// <summary>
/// A large synthetic data set for load and query-plan work (issue 3, point 14): offices (<see cref="SyntheticOffices"/>),
/// staff (<see cref="SyntheticStaff"/>), clients (about 1.3 per case, <see cref="SyntheticPeople"/>), intakes (accepted,
/// pending, rejected, drafts) and respondents (<see cref="SyntheticIntakes"/>), cases with categories, clients, lawyers, a
/// few timeline events and document metadata, no file bytes (<see cref="SyntheticCases"/>), and (issue 4) court
/// proceedings, hearings and deadlines (<see cref="SyntheticDates"/>). Rows are generated in date order from one seeded
/// random source, so a seed always gives the same data, and written by binary COPY (<see cref="SyntheticCopier"/>) in
/// batches while the next batch is being generated. Names come from <see cref="SyntheticNames"/>; match keys use
/// <see cref="MigrantAid.Web.Domain.Transliteration"/> exactly as the portal does, so search finds synthetic people.
/// </summary>
public sealed class SyntheticDataGenerator(AppDbContext db, TimeProvider clock, TextWriter output)
{
    public const string EmailDomain = "synthetic.invalid";

    /// <summary>Cases are spread over this many days before today, more of them recently.</summary>
    public const int SpanDays = 5 * 365;

    private sealed record Loaded(Dictionary<string, long> Rows, Dictionary<string, TimeSpan> Times);

    public async Task<GeneratorReport> RunAsync(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Cases, 1);
        var stopwatch = Stopwatch.StartNew();
        var world = new SyntheticWorld(options.Seed, clock.GetUtcNow());
        var dates = new SyntheticDates(world, options);
        await PrepareAsync(world, options, cancellationToken);
        var connectionString = db.Database.GetConnectionString()!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await SyntheticDatabaseMark.MarkAsync(connection, cancellationToken);
        // The dashboard's, the statistics cube's and the name words' triggers (migrations 0015, 0027, 0026) are switched
        // off for this connection's COPY; their tables are rebuilt once at the end.
        await using (var command = new NpgsqlCommand("SET synchronous_commit = off; " + DashboardPreAggregates.TriggersOff + "; SET migrantaid.name_words = 'off'", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var staff = await new SyntheticStaff(db, world).CreateAsync(connection, options, cancellationToken);
        await world.Numbers.LoadAsync(db, cancellationToken);
        await output.WriteLineAsync($"generate: {options.Cases:N0} cases in {world.Offices.Count} offices with {staff} staff, seed {options.Seed}");
        var people = new SyntheticPeople(world);
        var cases = new SyntheticCases(world, people, new SyntheticIntakes(world, people), dates);
        var loaded = await LoadAsync(connection, connectionString, cases, world, options, stopwatch, cancellationToken);
        await DashboardPreAggregates.RebuildAsync(connection, output, cancellationToken);
        await NameWordDictionary.RebuildAsync(connection, output, cancellationToken);
        var loadTime = stopwatch.Elapsed;

        // VACUUM as well as ANALYZE: it merges the trigram indexes' pending lists (until then every name
        // search reads them from end to end) and sets the visibility map that index-only scans need,
        // as autovacuum would later: the benchmark then sees the steady state, not the morning after a load.
        await using (var analyze = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        loaded.Rows["users"] = staff;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: loaded in {loadTime.TotalSeconds:F0} s, VACUUM (ANALYZE) {(stopwatch.Elapsed - loadTime).TotalSeconds:F0} s, total {stopwatch.Elapsed.TotalSeconds:F0} s"));
        foreach (var (table, count) in loaded.Rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-20} {count,12:N0} rows {loaded.Times.GetValueOrDefault(table).TotalSeconds,7:F1} s"));
        }

        return new GeneratorReport(stopwatch.Elapsed, loaded.Rows, world.Offices.Count, staff);
    }

    /// <summary>Refuses a seed already loaded; reads the categories; adds the offices.</summary>
    private async Task PrepareAsync(SyntheticWorld world, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var seedMarker = $".S{options.Seed}@{EmailDomain.ToUpperInvariant()}";
        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(seedMarker), cancellationToken))
        {
            throw new InvalidOperationException($"This database already holds synthetic data of seed {options.Seed}; use another --seed or a fresh database.");
        }

        await SyntheticOffices.LoadCategoriesAsync(db, world, cancellationToken);
        await SyntheticOffices.PrepareAsync(db, world, options, cancellationToken);
    }

    /// <summary>
    /// Generation (one thread, one random source: deterministic) overlaps with COPY of the previous batch; the case
    /// numbers are stored at the end, and dropped indexes built again even after a failure (the schema must come back whole).
    /// </summary>
    private async Task<Loaded> LoadAsync(
        NpgsqlConnection connection, string connectionString, SyntheticCases cases, SyntheticWorld world, GeneratorOptions options, Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<SyntheticBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(() => ProduceAsync(channel.Writer, cases, options, cancellationToken), cancellationToken);
        var loaded = new Loaded([], []);
        var indexes = new SyntheticIndexes(output);
        var dropped = options.RebuildIndexes ? await indexes.DropAsync(connection, cancellationToken) : [];
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var (table, (count, time)) in await SyntheticCopier.CopyAsync(connection, batch, db.Cipher, cancellationToken))
                {
                    loaded.Rows[table] = loaded.Rows.GetValueOrDefault(table) + count;
                    loaded.Times[table] = loaded.Times.GetValueOrDefault(table) + time;
                }

                var done = batch.FirstCase + batch.CaseCount;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"generate: {done:N0}/{options.Cases:N0} cases, {stopwatch.Elapsed.TotalSeconds:F0} s ({done / stopwatch.Elapsed.TotalSeconds:F0} cases/s)"));
            }

            await producer;
            await world.Numbers.SaveAsync(connection, cancellationToken);
        }
        finally
        {
            await indexes.RecreateAsync(connectionString, dropped);
        }

        return loaded;
    }

    private static async Task ProduceAsync(ChannelWriter<SyntheticBatch> writer, SyntheticCases cases, GeneratorOptions options, CancellationToken cancellationToken)
    {
        try
        {
            for (var first = 0; first < options.Cases; first += options.BatchSize)
            {
                var batch = cases.GenerateBatch(first, Math.Min(options.BatchSize, options.Cases - first), options.Cases);
                await writer.WriteAsync(batch, cancellationToken);
            }

            writer.Complete();
        }
        catch (Exception ex)
        {
            writer.Complete(ex);
        }
    }
}
