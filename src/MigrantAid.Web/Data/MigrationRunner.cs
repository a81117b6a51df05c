using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace MigrantAid.Web.Data;

/// <summary>One ordered SQL migration: "0001_initial" and its text.</summary>
public sealed record MigrationScript(string Id, string Sql)
{
    /// <summary>SHA-256 of the text with line endings normalised, so a checkout on Windows does not count as a change.</summary>
    public string Checksum => Convert.ToHexStringLower(
        SHA256.HashData(Encoding.UTF8.GetBytes(Sql.Replace("\r\n", "\n", StringComparison.Ordinal))));
}

public sealed class MigrationChecksumException(string message) : Exception(message);

/// <summary>
/// Applies the embedded Data/Migrations/NNNN_*.sql files in order, each in its own transaction,
/// under a PostgreSQL advisory lock (so instances starting together apply each file once), and
/// records each with its checksum. An applied file whose text changed stops the start.
/// See docs/adr/0001-schema-versioning.md. <paramref name="connectionString"/> is the owner role's
/// (ConnectionStrings:Migrations); <paramref name="applicationConnectionString"/>, when given, is the
/// application role's: it reads the pending list (readiness) and takes the start-up lock, and each
/// migration run ends by granting it its rights (<see cref="DatabaseGrants"/>, docs/adr/0010-database-roles.md).
/// </summary>
public sealed partial class MigrationRunner(
    string connectionString,
    ILogger<MigrationRunner> logger,
    IReadOnlyList<MigrationScript>? scripts = null,
    string? applicationConnectionString = null)
{
    // Arbitrary but fixed: every instance of the portal takes the same locks.
    private const long AdvisoryLockKey = 7_262_026_001;
    private const long StartupLockKey = 7_262_026_002;

    private readonly IReadOnlyList<MigrationScript> _scripts = scripts ?? EmbeddedScripts();
    private readonly DatabaseConnections _connections = new(applicationConnectionString ?? connectionString, connectionString);

    public IReadOnlyList<MigrationScript> Scripts => _scripts;

    public static IReadOnlyList<MigrationScript> EmbeddedScripts()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        const string prefix = "MigrantAid.Web.Data.Migrations.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new MigrationScript(n[prefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    /// <summary>Applies what is pending; returns the ids applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", cancellationToken);
        try
        {
            await EnsureHistoryTableAsync(connection, cancellationToken);

            var applied = await AppliedAsync(connection, cancellationToken);
            var done = new List<string>();
            foreach (var script in _scripts)
            {
                if (applied.TryGetValue(script.Id, out var checksum))
                {
                    if (!string.Equals(checksum, script.Checksum, StringComparison.Ordinal))
                    {
                        throw new MigrationChecksumException(
                            $"Migration {script.Id} was already applied to this database, but its file has changed since " +
                            $"(recorded checksum {checksum}, file now {script.Checksum}). Applied migrations must never be " +
                            "edited: restore the file and put the change in a new migration file.");
                    }

                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, script.Sql, cancellationToken);
                await using (var record = new NpgsqlCommand(
                    "INSERT INTO schema_migrations (id, checksum) VALUES (@id, @checksum)", connection, transaction))
                {
                    record.Parameters.AddWithValue("id", script.Id);
                    record.Parameters.AddWithValue("checksum", script.Checksum);
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                LogApplied(logger, script.Id);
                done.Add(script.Id);
            }

            await GrantAsync(connection, cancellationToken);
            return done;
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> under a second advisory lock shared by every instance, so that instances
    /// starting together on a new database do their start-up work (roles, first administrator, first Data
    /// Protection key) one after the other instead of racing to insert the same rows.
    /// </summary>
    public async Task RunExclusiveAsync(Func<Task> work, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connections.Application);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, $"SELECT pg_advisory_lock({StartupLockKey})", cancellationToken);
        try
        {
            await work();
        }
        finally
        {
            await ExecuteAsync(connection, null, $"SELECT pg_advisory_unlock({StartupLockKey})", CancellationToken.None);
        }
    }

    /// <summary>The embedded migrations not yet recorded in the database (used by the readiness check).</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(_connections.Application);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('schema_migrations') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return _scripts.Select(s => s.Id).ToList();
        }

        var applied = await AppliedAsync(connection, cancellationToken);
        return _scripts.Where(s => !applied.ContainsKey(s.Id)).Select(s => s.Id).ToList();
    }

    /// <summary>The record of applied migrations; the first DDL, so a role that may not migrate is told so here.</summary>
    private static async Task EnsureHistoryTableAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await ExecuteAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    id text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw new InvalidOperationException(
                "The database role that migrates may not change the schema (" + e.MessageText + "). Migrations run as " +
                "ConnectionStrings:Migrations, or as ConnectionStrings:Default when it is not set: set ConnectionStrings:Migrations " +
                "to the owner role (see 'Database roles' in docs/deployment.md).", e);
        }
    }

    /// <summary>Re-applies the application role's rights (new tables included), in one transaction; nothing for a single role.</summary>
    private async Task GrantAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (_connections.ApplicationRole is not { } role)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await DatabaseGrants.ApplyAsync(connection, transaction, role, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogGranted(logger, role);
    }

    private static async Task<Dictionary<string, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand("SELECT id, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetString(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied migration {MigrationId}")]
    private static partial void LogApplied(ILogger logger, string migrationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Granted the application role {Role} its rights")]
    private static partial void LogGranted(ILogger logger, string role);
}
