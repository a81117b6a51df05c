using Microsoft.EntityFrameworkCore;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tests.Data;

/// <summary>
/// The schema built by the SQL migrations must be the schema the EF model expects. When someone
/// changes an entity or a configuration and forgets the migration, this fails and says what to write.
/// </summary>
public class SchemaDriftTests
{
    private const string Hint =
        "write a new Data/Migrations/NNNN_*.sql with the change " +
        "(dotnet run --project src/MigrantAid.Web -- schema-script prints the model as SQL)";

    [Fact]
    public async Task Migrated_schema_matches_the_EF_model()
    {
        var migrated = await TestDatabase.CreateMigratedAsync("drift_migrations");
        var modelled = await TestDatabase.CreateEmptyAsync("drift_model");
        try
        {
            await using (var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(modelled).Options))
            {
                (await db.Database.EnsureCreatedAsync()).Should().BeTrue("the EF model should build its tables in the empty database");
            }

            var differences = SchemaCatalog.Differences(
                await SchemaCatalog.ReadAsync(migrated), await SchemaCatalog.ReadAsync(modelled));

            differences.Should().BeEmpty(
                "the SQL migrations and the EF model must describe the same schema; {0}:{1}{2}",
                Hint, Environment.NewLine, string.Join(Environment.NewLine, differences));
        }
        finally
        {
            await TestDatabase.DropAsync(migrated);
            await TestDatabase.DropAsync(modelled);
        }
    }

    [Fact]
    public async Task Comparison_reports_an_index_missing_on_one_side()
    {
        var complete = await TestDatabase.CreateMigratedAsync("drift_complete");
        var changed = await TestDatabase.CreateMigratedAsync("drift_changed");
        try
        {
            SchemaCatalog.Differences(await SchemaCatalog.ReadAsync(complete), await SchemaCatalog.ReadAsync(changed))
                .Should().BeEmpty("two copies of the same migrated database are alike");

            await ExecuteAsync(changed, """
                DROP INDEX ix_audit_events_occurred_at;
                ALTER TABLE offices ALTER COLUMN city TYPE character varying(100);
                ALTER TABLE users ADD COLUMN nickname text;
                """);

            var differences = SchemaCatalog.Differences(await SchemaCatalog.ReadAsync(complete), await SchemaCatalog.ReadAsync(changed));

            differences.Should().Contain(d => d.StartsWith("only in migrations: index audit_events.ix_audit_events_occurred_at", StringComparison.Ordinal));
            differences.Should().Contain("only in migrations: column offices.city character varying(120) not null");
            differences.Should().Contain("only in EF model: column offices.city character varying(100) not null");
            differences.Should().Contain("only in EF model: column users.nickname text null");
        }
        finally
        {
            await TestDatabase.DropAsync(complete);
            await TestDatabase.DropAsync(changed);
        }
    }

    [Fact]
    public async Task Comparison_reports_a_changed_constraint_and_default()
    {
        var complete = await TestDatabase.CreateMigratedAsync("drift_complete2");
        var changed = await TestDatabase.CreateMigratedAsync("drift_changed2");
        try
        {
            await ExecuteAsync(changed, """
                ALTER TABLE users ALTER COLUMN is_active SET DEFAULT true;
                ALTER TABLE offices ADD CONSTRAINT ck_offices_country CHECK (country_code <> '');
                """);

            var differences = SchemaCatalog.Differences(await SchemaCatalog.ReadAsync(complete), await SchemaCatalog.ReadAsync(changed));

            differences.Should().Contain("only in EF model: column users.is_active boolean not null default true");
            differences.Should().Contain(d => d.StartsWith("only in EF model: constraint offices.ck_offices_country CHECK", StringComparison.Ordinal));
        }
        finally
        {
            await TestDatabase.DropAsync(complete);
            await TestDatabase.DropAsync(changed);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
