using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data;
using Npgsql;

namespace MigrantAid.Tests.Data;

public partial class MigrationTests
{
    [Fact]
    public async Task Migrations_apply_once_when_two_runners_start_together()
    {
        var database = await TestDatabase.CreateEmptyAsync("migrate_together");
        try
        {
            var first = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);
            var second = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance);

            var applied = await Task.WhenAll(first.MigrateAsync(), second.MigrateAsync());

            var scripts = MigrationRunner.EmbeddedScripts();
            (applied[0].Count + applied[1].Count).Should().Be(scripts.Count, "each migration is applied by exactly one of the runners");
            applied[0].Concat(applied[1]).Should().OnlyHaveUniqueItems();
            var recorded = await QueryAsync(database, "SELECT id FROM schema_migrations ORDER BY id");
            recorded.Should().Equal(scripts.Select(s => s.Id), "schema_migrations holds each id once");
            (await first.PendingAsync()).Should().BeEmpty();
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Second_run_applies_nothing()
    {
        var database = await TestDatabase.CreateEmptyAsync("migrate_twice");
        try
        {
            var firstRun = await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).MigrateAsync();
            var secondRun = await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance).MigrateAsync();

            firstRun.Should().Equal(MigrationRunner.EmbeddedScripts().Select(s => s.Id));
            secondRun.Should().BeEmpty();
            (await QueryAsync(database, "SELECT id FROM schema_migrations")).Should().HaveCount(firstRun.Count);
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Changed_applied_file_is_refused_with_clear_message()
    {
        var database = await TestDatabase.CreateEmptyAsync("migrate_changed");
        try
        {
            await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance,
            [
                new("0001_first", "CREATE TABLE first_table (id int PRIMARY KEY);"),
            ]).MigrateAsync();

            var edited = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance,
            [
                new("0001_first", "CREATE TABLE first_table (id bigint PRIMARY KEY);"),
                new("0002_second", "CREATE TABLE second_table (id int PRIMARY KEY);"),
            ]);

            var run = () => edited.MigrateAsync();

            (await run.Should().ThrowAsync<MigrationChecksumException>())
                .Which.Message.Should().Contain("0001_first").And.Contain("new migration");
            (await QueryAsync(database, "SELECT to_regclass('second_table')::text")).Should().Equal([null],
                "nothing after the changed file is applied");
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Line_endings_changed_by_a_checkout_are_not_a_change()
    {
        var database = await TestDatabase.CreateEmptyAsync("migrate_crlf");
        try
        {
            await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance,
                [new("0001_first", "CREATE TABLE first_table (\n  id int PRIMARY KEY\n);\n")]).MigrateAsync();

            var again = await new MigrationRunner(database, NullLogger<MigrationRunner>.Instance,
                [new("0001_first", "CREATE TABLE first_table (\r\n  id int PRIMARY KEY\r\n);\r\n")]).MigrateAsync();

            again.Should().BeEmpty();
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public async Task Failed_migration_rolls_back()
    {
        var database = await TestDatabase.CreateEmptyAsync("migrate_fails");
        try
        {
            var runner = new MigrationRunner(database, NullLogger<MigrationRunner>.Instance,
            [
                new("0001_good", "CREATE TABLE good_table (id int PRIMARY KEY);"),
                new("0002_bad", "CREATE TABLE half_done (id int PRIMARY KEY);\nSELEC this is not sql;"),
            ]);

            var run = () => runner.MigrateAsync();

            await run.Should().ThrowAsync<PostgresException>();
            (await QueryAsync(database, "SELECT to_regclass('half_done')::text")).Should().Equal([null],
                "the table created before the error is rolled back with it");
            (await QueryAsync(database, "SELECT to_regclass('good_table')::text")).Should().Equal(["good_table"],
                "the migration before the failing one stays applied");
            (await QueryAsync(database, "SELECT id FROM schema_migrations ORDER BY id")).Should().Equal(["0001_good"]);
            (await QueryAsync(database, "SELECT count(*)::text FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")).Should().Equal(["0"],
                "the advisory lock is released even when a migration fails");
        }
        finally
        {
            await TestDatabase.DropAsync(database);
        }
    }

    [Fact]
    public void Migrations_are_embedded_and_ordered()
    {
        var scripts = MigrationRunner.EmbeddedScripts();

        scripts.Should().NotBeEmpty();
        scripts.Select(s => s.Id).Should().BeInAscendingOrder(StringComparer.Ordinal);
        scripts.Should().OnlyContain(s => FileName().IsMatch(s.Id), "files are named NNNN_what_it_does.sql");
        scripts.Select(s => s.Id[..4]).Should().OnlyHaveUniqueItems("each number is used once");
        scripts.Select(s => int.Parse(s.Id[..4], System.Globalization.CultureInfo.InvariantCulture))
            .Should().Equal(Enumerable.Range(1, scripts.Count), "numbers follow each other without gaps");
        scripts.Should().OnlyContain(s => !string.IsNullOrWhiteSpace(s.Sql));
        scripts[0].Id.Should().Be("0001_initial");
    }

    private static async Task<List<string?>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return rows;
    }

    [GeneratedRegex("^[0-9]{4}_[a-z0-9_]+$")]
    private static partial Regex FileName();
}
