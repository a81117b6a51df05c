using Microsoft.Extensions.DependencyInjection;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Data.Demo;
using Npgsql;

namespace MigrantAid.Tests.Tools;

/// <summary>On a normal database (migrated, with the demo data), the verbs that write invented data or passwords refuse.</summary>
public class BenchmarkDatabaseGuardTests(BenchmarkDatabaseGuardTests.DemoPortal portal) : IClassFixture<BenchmarkDatabaseGuardTests.DemoPortal>
{
    /// <summary>A migrated database with the demo offices, accounts and cases.</summary>
    public sealed class DemoPortal : PortalFactory
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await using var scope = Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }

    [Fact]
    public async Task Benchmark_users_refuses_a_database_the_generator_did_not_make()
    {
        var file = Path.Combine(Path.GetTempPath(), "migrantaid-bench-" + Guid.NewGuid().ToString("N"));
        var stamp = await ScalarAsync("SELECT string_agg(coalesce(password_hash, '-'), ',' ORDER BY id) FROM users");

        var (exit, output) = await ToolsProcess.RunAsync(portal, "Testing",
            "benchmark-users", "--emails", "coordinator001.spb.s42@synthetic.invalid", "--password-file", file);

        exit.Should().Be(3, output);
        output.Should().Contain("not made by the generate verb");
        File.Exists(file).Should().BeFalse();
        (await ScalarAsync("SELECT string_agg(coalesce(password_hash, '-'), ',' ORDER BY id) FROM users")).Should().Be(stamp);
    }

    [Fact]
    public async Task Generate_refuses_a_database_that_holds_real_data()
    {
        var cases = await ScalarAsync("SELECT count(*)::text FROM cases");

        var (exit, output) = await ToolsProcess.RunAsync(portal, "Testing", "generate", "--cases", "10", "--seed", "3");

        exit.Should().Be(3, output);
        output.Should().Contain("holds real data");
        (await ScalarAsync("SELECT count(*)::text FROM cases")).Should().Be(cases);
        (await ScalarAsync("SELECT coalesce(shobj_description(oid, 'pg_database'), '') FROM pg_database WHERE datname = current_database()"))
            .Should().BeEmpty("the database is not marked as generated");
    }

    private async Task<string> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
