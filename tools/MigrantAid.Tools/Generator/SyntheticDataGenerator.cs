using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Demo;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Domain.Cases;
using MigrantAid.Web.Infrastructure;
using Npgsql;
using NpgsqlTypes;

namespace MigrantAid.Tools.Generator;

/// <param name="RebuildIndexes">Drop the secondary indexes of the loaded tables first and build them again at the end.</param>
/// <param name="DatesPerCase">Deadlines and hearings per case on average (issue 4: 1,000,000 cases give about 3,000,000); 0 for none.</param>
public sealed record GeneratorOptions(int Cases, int Seed = 42, int BatchSize = 20_000, bool RebuildIndexes = false, double DatesPerCase = 3);

public sealed record GeneratorReport(TimeSpan Elapsed, IReadOnlyDictionary<string, long> Rows, int Offices, int Staff);

/// <summary>
/// A large synthetic data set for load and query-plan work (issue 3, point 14): offices, staff,
/// clients (about 1.3 per case), intakes (accepted, pending, rejected, drafts), respondents, cases
/// with categories, clients, lawyers, a few timeline events and document metadata (no file bytes),
/// and (issue 4) court proceedings, hearings and deadlines (see SyntheticDates.cs).
/// Rows are generated in date order from one seeded random source, so a seed always gives the same
/// data, and written by binary COPY in batches while the next batch is being generated.
/// Names come from <see cref="SyntheticNames"/>; match keys use <see cref="Transliteration"/>
/// exactly as the portal does, so search finds synthetic people.
/// </summary>
public sealed partial class SyntheticDataGenerator(AppDbContext db, TimeProvider clock, TextWriter output)
{
    public const string EmailDomain = "synthetic.invalid";

    /// <summary>Cases are spread over this many days before today, more of them recently.</summary>
    public const int SpanDays = 5 * 365;

    private static readonly Dictionary<string, string> DemoCodes = new()
    {
        ["St Petersburg"] = "SPB",
        ["Moscow"] = "MSK",
        ["Almaty"] = "ALA",
        ["Bishkek"] = "BIS",
    };

    private readonly List<OfficeInfo> _offices = [];
    private readonly Dictionary<(Guid Office, int Year), int> _counters = [];
    private readonly HashSet<(Guid Office, int Year)> _countersUsed = [];
    private List<ComplaintCategory> _categories = [];
    private double[] _categoryWeights = [];
    private double[] _officeWeights = [];
    private Random _rng = new(0);
    private DateTimeOffset _now;
    private DateOnly _today;

    public async Task<GeneratorReport> RunAsync(GeneratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Cases, 1);
        var stopwatch = Stopwatch.StartNew();
        _rng = new Random(options.Seed);
        StartDates(options);
        _now = clock.GetUtcNow();
        _today = DateOnly.FromDateTime(_now.UtcDateTime);

        var seedMarker = $".S{options.Seed}@{EmailDomain.ToUpperInvariant()}";
        if (await db.Users.AnyAsync(u => u.NormalizedEmail!.EndsWith(seedMarker), cancellationToken))
        {
            throw new InvalidOperationException($"This database already holds synthetic data of seed {options.Seed}; use another --seed or a fresh database.");
        }

        _categories = await db.ComplaintCategories.AsNoTracking().Where(c => c.IsActive).OrderBy(c => c.Id).ToListAsync(cancellationToken);
        if (_categories.Count == 0)
        {
            throw new InvalidOperationException("No complaint categories: migrate the database first.");
        }

        _categoryWeights = _categories.Select(c => CategoryWeight(c.Code)).ToArray();
        await PrepareOfficesAsync(options, cancellationToken);
        var connectionString = db.Database.GetConnectionString()!;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // The dashboard's triggers (migration 0015) are switched off for this connection's COPY; its
        // pre-aggregates are rebuilt once at the end (DashboardPreAggregates.RebuildAsync).
        await using (var command = new NpgsqlCommand("SET synchronous_commit = off; SET migrantaid.dashboard = 'off'", connection))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var staff = await CreateStaffAsync(connection, options, cancellationToken);
        foreach (var counter in await db.CaseNumberCounters.AsNoTracking().ToListAsync(cancellationToken))
        {
            _counters[(counter.OfficeId, counter.Year)] = counter.LastNumber;
        }

        await output.WriteLineAsync($"generate: {options.Cases:N0} cases in {_offices.Count} offices with {staff} staff, seed {options.Seed}");

        // Generation (one thread, one random source: deterministic) overlaps with COPY of the previous batch.
        var channel = Channel.CreateBounded<SyntheticBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        var producer = Task.Run(async () =>
        {
            try
            {
                for (var first = 0; first < options.Cases; first += options.BatchSize)
                {
                    var batch = GenerateBatch(first, Math.Min(options.BatchSize, options.Cases - first), options.Cases);
                    await channel.Writer.WriteAsync(batch, cancellationToken);
                }

                channel.Writer.Complete();
            }
            catch (Exception ex)
            {
                channel.Writer.Complete(ex);
            }
        }, cancellationToken);

        var rows = new Dictionary<string, long>();
        var times = new Dictionary<string, TimeSpan>();
        var dropped = options.RebuildIndexes ? await DropIndexesAsync(connection, cancellationToken) : [];
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(cancellationToken))
            {
                foreach (var (table, (count, time)) in await SyntheticCopier.CopyAsync(connection, batch, cancellationToken))
                {
                    rows[table] = rows.GetValueOrDefault(table) + count;
                    times[table] = times.GetValueOrDefault(table) + time;
                }

                var done = batch.FirstCase + batch.CaseCount;
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"generate: {done:N0}/{options.Cases:N0} cases, {stopwatch.Elapsed.TotalSeconds:F0} s ({done / stopwatch.Elapsed.TotalSeconds:F0} cases/s)"));
            }

            await producer;
            await SaveCountersAsync(connection, cancellationToken);
        }
        finally
        {
            // Also after a failure: the schema must come back whole.
            await RecreateIndexesAsync(connectionString, dropped);
        }

        await DashboardPreAggregates.RebuildAsync(connection, output, cancellationToken);
        var loaded = stopwatch.Elapsed;

        // VACUUM as well as ANALYZE: it merges the trigram indexes' pending lists (until then every name
        // search reads them from end to end) and sets the visibility map that index-only scans need,
        // as autovacuum would later: the benchmark then sees the steady state, not the morning after a load.
        await using (var analyze = new NpgsqlCommand("VACUUM (ANALYZE)", connection) { CommandTimeout = 0 })
        {
            await analyze.ExecuteNonQueryAsync(cancellationToken);
        }

        rows["users"] = staff;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: loaded in {loaded.TotalSeconds:F0} s, VACUUM (ANALYZE) {(stopwatch.Elapsed - loaded).TotalSeconds:F0} s, total {stopwatch.Elapsed.TotalSeconds:F0} s"));
        foreach (var (table, count) in rows.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {table,-20} {count,12:N0} rows {times.GetValueOrDefault(table).TotalSeconds,7:F1} s"));
        }

        return new GeneratorReport(stopwatch.Elapsed, rows, _offices.Count, staff);
    }

    /// <summary>How often a category occurs, relative: unpaid wages and documents are the daily work.</summary>
    private static double CategoryWeight(string code) => code switch
    {
        "labour.unpaid-wages" => 20,
        "labour.documents-confiscated" or "detention.expulsion" or "documents.registration" or "documents.work-patent" => 8,
        "labour.unsafe-work" or "detention.arbitrary" or "detention.entry-ban" or "documents.passport" => 5,
        "labour.recruitment-agency" or "violence.police-abuse" => 4,
        "labour.forced-labour" or "labour.domestic-worker-abuse" or "detention.centre" or "children.school-access" or "health.health-care" => 3,
        "documents.citizenship" or "health.social-benefits" or "violence.hate-violence" or "violence.discrimination" => 2,
        "trafficking.sexual" or "trafficking.slavery" => 0.5,
        _ => 1,
    };

    private async Task PrepareOfficesAsync(GeneratorOptions options, CancellationToken cancellationToken)
    {
        var offices = await db.Offices.ToListAsync(cancellationToken);
        var maxOffices = DemoSeeder.Offices.Count + SyntheticNames.OfficeCities.Length;
        var target = Math.Clamp(options.Cases / 25_000, 4, maxOffices);
        var prefixes = offices.Select(o => o.CasePrefix).ToHashSet(StringComparer.Ordinal);
        var candidates = DemoSeeder.Offices.Select(o => (o.Name, o.City, o.Country, o.TimeZone))
            .Concat(SyntheticNames.OfficeCities.Select(c => (Name: c.City, c.City, c.Country, c.TimeZone)));
        foreach (var (name, city, country, zone) in candidates)
        {
            if (offices.Count >= target)
            {
                break;
            }

            if (offices.Any(o => o.Name == name))
            {
                continue;
            }

            var office = new Office(name, city, country, zone, _now);
            var code = UniqueCode(DemoCodes.GetValueOrDefault(name), city, prefixes);
            office.SetCode(code, _now);
            prefixes.Add(code);
            db.Offices.Add(office);
            offices.Add(office);
        }

        await db.SaveChangesAsync(cancellationToken);

        // Sorted by name so that the same seed gives the same spread whatever order the database returns.
        foreach (var office in offices.OrderBy(o => o.Name, StringComparer.Ordinal))
        {
            _offices.Add(new OfficeInfo(office.Id, office.CasePrefix, office.City, office.CountryCode, office.TimeZoneId));
        }

        _officeWeights = _offices.Select(o => DemoCodes.ContainsKey(o.City) ? 2.0 : 1.0).ToArray();
    }

    private static string UniqueCode(string? preferred, string city, HashSet<string> taken)
    {
        if (preferred is not null && !taken.Contains(preferred))
        {
            return preferred;
        }

        var letters = Transliteration.ToLatin(city).Where(char.IsAsciiLetter).Select(char.ToUpperInvariant).ToArray();
        for (var second = 1; second < letters.Length; second++)
        {
            for (var third = second + 1; third < letters.Length; third++)
            {
                var code = new string([letters[0], letters[second], letters[third]]);
                if (!taken.Contains(code))
                {
                    return code;
                }
            }
        }

        for (var n = 0; ; n++)
        {
            var code = "X" + (char)('A' + (n / 26 % 26)) + (char)('A' + (n % 26));
            if (!taken.Contains(code))
            {
                return code;
            }
        }
    }

    /// <summary>Lawyers and caseworkers in proportion to each office's cases (about one per 2,500), and a coordinator per office. They cannot sign in: no password.</summary>
    private async Task<int> CreateStaffAsync(NpgsqlConnection connection, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var roles = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name!, r => r.Id, cancellationToken);
        foreach (var role in new[] { Roles.Coordinator, Roles.Lawyer, Roles.Caseworker })
        {
            if (!roles.ContainsKey(role))
            {
                throw new InvalidOperationException($"Role {role} is missing.");
            }
        }

        var users = new List<(Guid Id, string Name, Guid Office, string Email, string Role)>();
        var totalWeight = _officeWeights.Sum();
        for (var i = 0; i < _offices.Count; i++)
        {
            var office = _offices[i];
            var expectedCases = options.Cases * _officeWeights[i] / totalWeight;
            var perRole = (int)Math.Clamp(expectedCases / 2500, 2, 200);
            var code = office.Prefix.ToLowerInvariant();
            office.Coordinator = AddUser("coordinator", 1, Roles.Coordinator);
            office.Lawyers = Enumerable.Range(1, perRole).Select(n => AddUser("lawyer", n, Roles.Lawyer)).ToArray();
            office.Caseworkers = Enumerable.Range(1, perRole).Select(n => AddUser("caseworker", n, Roles.Caseworker)).ToArray();

            Guid AddUser(string kind, int n, string role)
            {
                var id = NewId();
                var group = PickGroup();
                var female = _rng.Next(2) == 0;
                var surname = group.Surnames[_rng.Next(group.Surnames.Length)];
                var name = (female ? SyntheticNames.FemaleSurname(surname) : surname) + " " + (female ? group.Female : group.Male)[_rng.Next(female ? group.Female.Length : group.Male.Length)];
                users.Add((id, name, office.Id, $"{kind}{n:000}.{code}.s{options.Seed}@{EmailDomain}", role));
                return id;
            }
        }

        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY users (id, full_name, office_id, preferred_language, is_active, created_at, user_name, normalized_user_name, email, normalized_email, " +
            "email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var user in users)
            {
                importer.StartRow();
                importer.Write(user.Id, NpgsqlDbType.Uuid);
                importer.Write(user.Name, NpgsqlDbType.Varchar);
                importer.Write(user.Office, NpgsqlDbType.Uuid);
                importer.Write(SupportedLanguages.Russian, NpgsqlDbType.Varchar);
                importer.Write(true, NpgsqlDbType.Boolean);
                importer.Write(_now.AddDays(-SpanDays - 30), NpgsqlDbType.TimestampTz);
                importer.Write(user.Email, NpgsqlDbType.Varchar);
                importer.Write(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                importer.Write(user.Email, NpgsqlDbType.Varchar);
                importer.Write(user.Email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                importer.Write(true, NpgsqlDbType.Boolean);
                importer.Write(NewId().ToString("N").ToUpperInvariant(), NpgsqlDbType.Text);
                importer.Write(NewId().ToString(), NpgsqlDbType.Text);
                importer.Write(false, NpgsqlDbType.Boolean);
                importer.Write(false, NpgsqlDbType.Boolean);
                importer.Write(true, NpgsqlDbType.Boolean);
                importer.Write(0, NpgsqlDbType.Integer);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY user_roles (user_id, role_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var user in users)
            {
                importer.StartRow();
                importer.Write(user.Id, NpgsqlDbType.Uuid);
                importer.Write(roles[user.Role], NpgsqlDbType.Uuid);
            }

            await importer.CompleteAsync(cancellationToken);
        }

        return users.Count;
    }

    private static readonly string[] LoadedTables =
    [
        "clients", "client_aliases", "client_contacts", "migration_documents", "stay_periods", "consent_records", "family_links",
        "intakes", "respondents", "cases", "case_clients", "case_lawyers", "case_categories", "case_events", "case_documents",
        "court_proceedings", "hearings", "case_deadlines",
    ];

    /// <summary>Drops the loaded tables' indexes other than primary keys and constraints; returns their definitions.</summary>
    private async Task<List<(string Name, string Definition)>> DropIndexesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new List<(string, string)>();
        await using (var query = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY 1
            """, connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = LoadedTables });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {name}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync($"generate: {indexes.Count} secondary indexes dropped, to be built again after the load");
        return indexes;
    }

    private async Task RecreateIndexesAsync(string connectionString, List<(string Name, string Definition)> indexes)
    {
        if (indexes.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
        {
            await memory.ExecuteNonQueryAsync();
        }

        foreach (var (_, definition) in indexes)
        {
            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync();
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: {indexes.Count} indexes built in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
    }

    private async Task SaveCountersAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        foreach (var key in _countersUsed)
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO case_number_counters (office_id, year, last_number) VALUES ($1, $2, $3) " +
                "ON CONFLICT (office_id, year) DO UPDATE SET last_number = GREATEST(case_number_counters.last_number, EXCLUDED.last_number)", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = key.Office, NpgsqlDbType = NpgsqlDbType.Uuid });
            command.Parameters.Add(new NpgsqlParameter { Value = key.Year, NpgsqlDbType = NpgsqlDbType.Integer });
            command.Parameters.Add(new NpgsqlParameter { Value = _counters[key], NpgsqlDbType = NpgsqlDbType.Integer });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>A random (version 4) UUID drawn from the seeded source, so ids repeat with the seed.</summary>
    private Guid NewId()
    {
        Span<byte> bytes = stackalloc byte[16];
        _rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private SyntheticNames.Group PickGroup()
    {
        var roll = _rng.Next(1000);
        foreach (var (group, weight) in SyntheticNames.Groups)
        {
            if (roll < weight)
            {
                return group;
            }

            roll -= weight;
        }

        return SyntheticNames.Uzbek;
    }

    private static int PickWeighted(Random rng, double[] weights)
    {
        var roll = rng.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private sealed class OfficeInfo(Guid id, string prefix, string city, string country, string timeZone)
    {
        private readonly Guid[] _recentClients = new Guid[4096];
        private int _recentCount;

        public Guid Id { get; } = id;

        public string Prefix { get; } = prefix;

        public string City { get; } = city;

        public string Country { get; } = country;

        /// <summary>Hearings are set in office hours of this zone.</summary>
        public TimeZoneInfo Zone { get; } = OfficeTime.For(timeZone).Zone;

        public bool Russian { get; } = SyntheticText.Russian(country);

        public Guid Coordinator { get; set; }

        public Guid[] Lawyers { get; set; } = [];

        public Guid[] Caseworkers { get; set; } = [];

        public int RecentClients => Math.Min(_recentCount, _recentClients.Length);

        /// <summary>Remembers a client who may come back with a new case.</summary>
        public void Remember(Guid client) => _recentClients[_recentCount++ % _recentClients.Length] = client;

        public Guid RecentClient(Random rng) => _recentClients[rng.Next(RecentClients)];
    }
}
