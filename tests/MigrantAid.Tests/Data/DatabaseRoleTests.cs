using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using Npgsql;

namespace MigrantAid.Tests.Data;

/// <summary>
/// The portal serves as a least-privileged application role (docs/adr/0010-database-roles.md): it can
/// append to the audit trail and read it, but cannot change it, switch its triggers off or bypass them.
/// Every statement here runs on the portal's own connection string (ConnectionStrings:Default).
/// </summary>
public class DatabaseRoleTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("UPDATE audit_events SET action = 'tampered'")]
    [InlineData("DELETE FROM audit_events")]
    [InlineData("TRUNCATE audit_events")]
    public async Task The_application_role_cannot_change_or_remove_audit_rows(string sql)
    {
        await SignInAsync($"role-tamper-{Guid.NewGuid():N}@test.local");
        var before = await ScalarAsync<long>(portal.OwnerConnectionString, "SELECT count(*) FROM audit_events");
        before.Should().BePositive("signing in wrote an audit row");

        var error = await RefusedAsync(sql);

        error.MessageText.Should().Be("permission denied for table audit_events", "the role lacks the right, before any trigger runs");
        (await ScalarAsync<long>(portal.OwnerConnectionString, "SELECT count(*) FROM audit_events")).Should().Be(before);
        (await ScalarAsync<long>(portal.OwnerConnectionString, "SELECT count(*) FROM audit_events WHERE action = 'tampered'")).Should().Be(0);
    }

    [Fact]
    public async Task The_application_role_cannot_disable_the_audit_triggers()
    {
        var error = await RefusedAsync("ALTER TABLE audit_events DISABLE TRIGGER USER");

        error.MessageText.Should().Be("must be owner of table audit_events");
        (await ScalarAsync<long>(portal.OwnerConnectionString,
            "SELECT count(*) FROM pg_trigger WHERE tgrelid = 'audit_events'::regclass AND NOT tgisinternal AND tgenabled = 'O'"))
            .Should().Be(2, "both append-only triggers are still enabled");
    }

    [Fact]
    public async Task The_application_role_cannot_switch_triggers_off_for_its_session()
    {
        var error = await RefusedAsync("SET session_replication_role = replica");

        error.MessageText.Should().Contain("permission denied to set parameter \"session_replication_role\"");
    }

    [Fact]
    public async Task The_application_role_is_no_superuser_and_owns_nothing()
    {
        await using var connection = await OpenAsync(portal.ConnectionString);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolname, r.rolsuper, r.rolcreatedb, r.rolcreaterole, r.rolbypassrls, r.rolreplication,
                   (SELECT count(*) FROM pg_class c WHERE c.relowner = r.oid),
                   (SELECT count(*) FROM pg_proc p WHERE p.proowner = r.oid),
                   (SELECT datdba = r.oid FROM pg_database WHERE datname = current_database()),
                   pg_has_role(r.oid, (SELECT relowner FROM pg_class WHERE oid = 'audit_events'::regclass), 'MEMBER'),
                   has_schema_privilege(r.oid, 'public', 'CREATE')
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).Should().BeTrue();

        reader.GetString(0).Should().Be(TestDatabase.ApplicationRole);
        new[] { reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3), reader.GetBoolean(4), reader.GetBoolean(5) }
            .Should().AllBeEquivalentTo(false, "superuser, createdb, createrole, bypassrls and replication are all off");
        reader.GetInt64(6).Should().Be(0, "it owns no table, index or sequence");
        reader.GetInt64(7).Should().Be(0, "it owns no function");
        reader.GetBoolean(8).Should().BeFalse("it does not own the database");
        reader.GetBoolean(9).Should().BeFalse("it is not a member of the owner role");
        reader.GetBoolean(10).Should().BeFalse("it cannot create objects in the schema");
    }

    [Fact]
    public async Task The_portal_serves_as_the_application_role_and_its_audited_actions_are_written()
    {
        var user = await SignInAsync("role-signin@test.local");

        var role = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync());
        role.Should().Be(TestDatabase.ApplicationRole);
        (await ScalarAsync<long>(portal.ConnectionString,
            $"SELECT count(*) FROM audit_events WHERE action = '{AuditActions.SignInSucceeded}' AND actor_id = '{user.Id}'"))
            .Should().Be(1, "the sign-in through HTTP was recorded, and the application role can read it back");
    }

    [Fact]
    public async Task Each_table_grants_the_application_role_exactly_its_rights()
    {
        var rights = await TableRightsAsync(portal.ConnectionString);

        rights.Should().ContainKey("users").And.ContainKey("data_protection_keys").And.ContainKey("cases");
        rights["audit_events"].Should().Be("INSERT,SELECT");
        rights["schema_migrations"].Should().Be("SELECT");
        rights.Where(r => r.Key is not ("audit_events" or "schema_migrations"))
            .Should().OnlyContain(r => r.Value == "DELETE,INSERT,SELECT,UPDATE", "no TRUNCATE, REFERENCES or TRIGGER anywhere");
        (await ScalarAsync<string>(portal.ConnectionString, """
            SELECT count(*) FILTER (WHERE usable) || ' of ' || count(*)
            FROM (SELECT CASE WHEN relkind = 'S' THEN has_sequence_privilege(oid, 'USAGE') END AS usable
                  FROM pg_class WHERE relnamespace = 'public'::regnamespace) s
            WHERE usable IS NOT NULL
            """)).Should().MatchRegex(@"^([1-9]\d*) of \1$", "identity columns need their sequences, and every one is usable");
    }

    [Fact]
    public async Task A_table_added_by_a_later_migration_is_granted_when_the_migration_runs()
    {
        var owner = await TestDatabase.CreateMigratedAsync("role_new_table");
        try
        {
            var later = new MigrationScript("9999_role_test", "CREATE TABLE role_test_items (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)");
            var scripts = MigrationRunner.EmbeddedScripts().Append(later).ToList();
            var application = TestDatabase.AsApplication(owner);

            await new MigrationRunner(owner, NullLogger<MigrationRunner>.Instance, scripts, application).MigrateAsync();

            await using var connection = await OpenAsync(application);
            await using var insert = new NpgsqlCommand("INSERT INTO role_test_items (name) VALUES ('x') RETURNING id", connection);
            (await insert.ExecuteScalarAsync()).Should().Be(1L);
            (await TableRightsAsync(application))["role_test_items"].Should().Be("DELETE,INSERT,SELECT,UPDATE");
        }
        finally
        {
            await TestDatabase.DropAsync(owner);
        }
    }

    [Fact]
    public void Without_a_migrations_connection_one_role_does_both_and_nothing_is_granted()
    {
        var single = DatabaseConnections.From(Configuration(("ConnectionStrings:Default", "Host=db;Username=portal")));
        var two = DatabaseConnections.From(Configuration(
            ("ConnectionStrings:Default", "Host=db;Username=portal_app"), ("ConnectionStrings:Migrations", "Host=db;Username=portal_owner")));

        single.SingleRole.Should().BeTrue();
        single.Migrations.Should().Be(single.Application);
        single.ApplicationRole.Should().BeNull();
        two.SingleRole.Should().BeFalse();
        two.ApplicationRole.Should().Be("portal_app");
    }

    [Fact]
    public async Task Migrating_as_the_application_role_is_refused_with_a_clear_message()
    {
        var migrate = () => new MigrationRunner(portal.ConnectionString, NullLogger<MigrationRunner>.Instance).MigrateAsync();

        (await migrate.Should().ThrowAsync<InvalidOperationException>())
            .WithMessage("*may not change the schema*set ConnectionStrings:Migrations to the owner role*");
    }

    [Fact]
    public async Task Serving_without_a_migrations_connection_warns_outside_development()
    {
        var single = new SingleRolePortal();
        await single.InitializeAsync();
        try
        {
            (await single.NewClient().GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);

            single.Logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Warning && e.Message.Contains("ConnectionStrings:Migrations is not set"));
        }
        finally
        {
            await single.DisposeAsync();
        }
    }

    private async Task<AppUser> SignInAsync(string email)
    {
        var user = await portal.CreateUserAsync(email, Roles.Caseworker);
        var home = await (await portal.SignedInClientAsync(email)).GetAsync("/");
        home.StatusCode.Should().Be(HttpStatusCode.OK);
        return user;
    }

    private async Task<PostgresException> RefusedAsync(string sql)
    {
        await using var connection = await OpenAsync(portal.ConnectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        var run = () => command.ExecuteNonQueryAsync();
        var error = (await run.Should().ThrowAsync<PostgresException>()).Which;
        error.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        return error;
    }

    private static async Task<Dictionary<string, string>> TableRightsAsync(string connectionString)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand("""
            SELECT c.relname, coalesce(string_agg(p.privilege, ',' ORDER BY p.privilege) FILTER (WHERE has_table_privilege(c.oid, p.privilege)), '')
            FROM pg_class c
            CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) AS p(privilege)
            WHERE c.relkind IN ('r', 'p', 'v', 'm') AND c.relnamespace = 'public'::regnamespace
            GROUP BY c.relname
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rights = new Dictionary<string, string>();
        while (await reader.ReadAsync())
        {
            rights[reader.GetString(0)] = reader.GetString(1);
        }

        return rights;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>ConnectionStrings:Migrations unset (one role for everything), migrations left to a separate run.</summary>
    private sealed class SingleRolePortal : PortalFactory
    {
        public LogCapture Logs { get; } = new();

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["ConnectionStrings:Migrations"] = "",
            ["Database:MigrateOnStart"] = "false",
        };

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<Serilog.Core.ILogEventSink>(Logs));
        }
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
