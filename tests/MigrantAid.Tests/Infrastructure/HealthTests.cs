using System.Net;
using MigrantAid.Tests.Support;
using Npgsql;

namespace MigrantAid.Tests.Infrastructure;

public class HealthTests(PortalFactory portal, HealthTests.PendingMigrationPortal pending, HealthTests.EmptyDatabasePortal empty)
    : IClassFixture<PortalFactory>, IClassFixture<HealthTests.PendingMigrationPortal>, IClassFixture<HealthTests.EmptyDatabasePortal>
{
    [Fact]
    public async Task Liveness_answers_anonymously()
    {
        var response = await portal.NewClient().GetAsync("/health/live");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Ready_when_every_migration_is_applied()
    {
        var response = await portal.NewClient().GetAsync("/health/ready");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
    }

    [Fact]
    public async Task Not_ready_while_a_migration_is_pending()
    {
        var client = pending.NewClient();

        var ready = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        ready.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ready.Content.ReadAsStringAsync()).Should().Be("Unhealthy", "the body says no more than that, to anonymous callers");
        live.StatusCode.Should().Be(HttpStatusCode.OK, "the process is alive, only not ready");
    }

    [Fact]
    public async Task Instance_on_an_unmigrated_database_starts_but_is_not_ready()
    {
        var client = empty.NewClient();

        (await client.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>A migrated database whose last migration has been "forgotten", and no migration at start.</summary>
    public sealed class PendingMigrationPortal : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
        };

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var connection = new NpgsqlConnection(OwnerConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "DELETE FROM schema_migrations WHERE id = (SELECT max(id) FROM schema_migrations)", connection);
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }
    }

    /// <summary>An empty database, with migrations left to a separate 'migrate' run (Database:MigrateOnStart=false).</summary>
    public sealed class EmptyDatabasePortal : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Database:MigrateOnStart"] = "false",
            ["Bootstrap:AdminEmail"] = "first-admin@test.local",
            ["Bootstrap:AdminPassword"] = PortalFactory.Password,
        };

        public override async Task InitializeAsync()
        {
            ConnectionString = TestDatabase.AsApplication(await TestDatabase.CreateEmptyAsync(nameof(EmptyDatabasePortal)));
        }
    }
}
