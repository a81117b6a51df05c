using Microsoft.Extensions.Logging.Abstractions;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tests.Support;

/// <summary>
/// Real PostgreSQL for tests. test.sh starts a throw-away cluster and sets MIGRANTAID_TEST_PG.
/// The embedded migrations are applied once per test run to a template database; each test class
/// then gets its own database cloned from it (CREATE DATABASE ... TEMPLATE), which takes milliseconds.
/// MIGRANTAID_TEST_PG is the server (superuser) connection that creates databases and the two roles of
/// docs/adr/0010-database-roles.md: <see cref="OwnerRole"/> owns every test database and migrates it;
/// <see cref="ApplicationRole"/> is what the portal connects as (<see cref="AsApplication"/>).
/// </summary>
public static class TestDatabase
{
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static readonly string RunId = Guid.NewGuid().ToString("N")[..8];
    private static bool _templateReady;
    private static bool _rolesReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("MIGRANTAID_TEST_PG")
        ?? throw new InvalidOperationException(
            "MIGRANTAID_TEST_PG is not set. Run the tests with ./test.sh, which starts a throw-away PostgreSQL, " +
            "or point MIGRANTAID_TEST_PG at a server where you may create databases.");

    public const string OwnerRole = "migrantaid_test_owner";
    public const string ApplicationRole = "migrantaid_test_app";

    // Test-only roles of a throw-away cluster; the password matters only where the server asks for one.
    private const string RolePassword = "migrantaid-test-role";

    public static string TemplateName => $"ma_template_{RunId}";

    /// <summary>The database as the owner role (migrations, raw SQL that needs more than the portal may do).</summary>
    public static string ConnectionStringFor(string database) => As(OwnerRole, database);

    /// <summary>The same database as the owner role.</summary>
    public static string AsOwner(string connectionString) => As(OwnerRole, Database(connectionString));

    /// <summary>The same database as the application role, as the portal connects to it (ConnectionStrings:Default).</summary>
    public static string AsApplication(string connectionString) => As(ApplicationRole, Database(connectionString));

    /// <summary>A new, migrated database of its own, owned by the owner role; returns the owner's connection string.</summary>
    public static async Task<string> CreateMigratedAsync(string purpose)
    {
        await EnsureTemplateAsync();
        var name = NewName(purpose);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\" OWNER {OwnerRole}");
        return ConnectionStringFor(name);
    }

    /// <summary>A new database with nothing in it, owned by the owner role; returns the owner's connection string.</summary>
    public static async Task<string> CreateEmptyAsync(string purpose)
    {
        await EnsureRolesAsync();
        var name = NewName(purpose);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\" OWNER {OwnerRole}");
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

    private static string As(string role, string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString)
        {
            Database = database,
            Username = role,
            Password = RolePassword,
            Pooling = true,
            MaxPoolSize = 20,
        }.ToString();

    private static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    private static string NewName(string purpose)
    {
        var clean = new string(purpose.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(30).ToArray());
        return $"ma_{RunId}_{clean}_{Guid.NewGuid().ToString("N")[..6]}";
    }

    /// <summary>
    /// Creates the two roles once per cluster, as docs/deployment.md describes them. Another test process may
    /// create them at the same moment: a duplicate is fine.
    /// </summary>
    private static async Task EnsureRolesAsync()
    {
        if (_rolesReady)
        {
            return;
        }

        foreach (var (role, attributes) in new[]
        {
            (OwnerRole, "NOSUPERUSER NOCREATEDB NOCREATEROLE"),
            (ApplicationRole, "NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS"),
        })
        {
            try
            {
                await ExecuteOnServerAsync($"CREATE ROLE {role} LOGIN {attributes} PASSWORD '{RolePassword}'");
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
            {
                // Already there (an earlier run on this cluster, or test.sh's pg_ensure_roles).
            }
        }

        _rolesReady = true;
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

            await EnsureRolesAsync();
            await ExecuteOnServerAsync($"CREATE DATABASE \"{TemplateName}\" OWNER {OwnerRole}");
            var owner = new NpgsqlConnectionStringBuilder(ConnectionStringFor(TemplateName)) { Pooling = false }.ToString();
            var application = new NpgsqlConnectionStringBuilder(AsApplication(owner)) { Pooling = false }.ToString();
            await new MigrationRunner(owner, NullLogger<MigrationRunner>.Instance, applicationConnectionString: application).MigrateAsync();
            _templateReady = true;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
