using Microsoft.Extensions.Logging.Abstractions;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>
/// Real PostgreSQL for tests. test.sh starts a throw-away cluster and sets MIGRANTAID_TEST_PG.
/// The embedded migrations are applied once per test run to a template database; each test class
/// then gets its own database cloned from it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static bool _templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MIGRANTAID_TEST_PG")
        ?? throw new InvalidOperationException(
            "MIGRANTAID_TEST_PG is not set. Run the tests with ./test.sh, which starts a throw-away PostgreSQL, " +
            "or point MIGRANTAID_TEST_PG at a server where you may create databases.");

    public static string TemplateName => $"ma_template_{RunId}";

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 20 }.ToString();

    /// <summary>A new, migrated database of its own.</summary>
    public static async Task<string> CreateMigratedAsync(string purpose)
    {
        await EnsureTemplateAsync();
        var name = NewName(purpose);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"");
        return ConnectionStringFor(name);
    }

    /// <summary>A new database with nothing in it.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        var name = NewName(purpose);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        return ConnectionStringFor(name);
    }

    public static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    public static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string NewName(string purpose)
    {
        var clean = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        return $"ma_{RunId}_{clean}_{Guid.NewGuid().ToString("N")[..6]}";
    }

    private static async Task EnsureTemplateAsync()
    {
        if (_templateReady)
        {
            return;
        }

        await TemplateLock.WaitAsync();
        try
        {
            if (_templateReady)
            {
                return;
            }

            await ExecuteOnServerAsync($"CREATE DATABASE \"{TemplateName}\"");
            var connectionString = new NpgsqlConnectionStringBuilder(ConnectionStringFor(TemplateName)) { Pooling = false }.ToString();
            await new MigrationRunner(connectionString, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
