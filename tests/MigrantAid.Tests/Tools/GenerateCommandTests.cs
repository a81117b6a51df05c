using MigrantAid.Tests.Support;
using Npgsql;

namespace MigrantAid.Tests.Tools;

/// <summary>The generate verb, run as a real process of the built tools (tools/MigrantAid.Tools) against a fresh database.</summary>
public class GenerateCommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_generate_verb_refuses_to_run_in_Production_without_confirmation()
    {
        var before = await ScalarAsync("SELECT count(*) FROM cases");

        var (exit, output) = await RunToolsAsync("Production", "generate", "--cases", "10", "--seed", "99");

        exit.Should().Be(2, output);
        output.Should().Contain("--yes-i-mean-it");
        (await ScalarAsync("SELECT count(*) FROM cases")).Should().Be(before);
    }

    [Fact]
    public async Task The_generate_verb_writes_the_cases_asked_for()
    {
        var before = await ScalarAsync("SELECT count(*) FROM cases");

        var (exit, output) = await RunToolsAsync("Testing", "generate", "--cases", "50", "--seed", "8");

        exit.Should().Be(0, output);
        output.Should().Contain("generate: 50/50 cases");
        (await ScalarAsync("SELECT count(*) FROM cases")).Should().Be(before + 50);
    }

    [Fact]
    public async Task Rebuilding_indexes_during_the_load_leaves_every_index_as_it_was()
    {
        const string Indexes = "SELECT string_agg(pg_get_indexdef(indexrelid), E'\n' ORDER BY indexrelid::regclass::text) FROM pg_index";
        var before = await TextAsync(Indexes);

        var (exit, output) = await RunToolsAsync("Testing", "generate", "--cases", "30", "--seed", "9", "--rebuild-indexes");

        exit.Should().Be(0, output);
        output.Should().Contain("indexes built");
        (await TextAsync(Indexes)).Should().Be(before);
    }

    private async Task<string> TextAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private Task<(int Exit, string Output)> RunToolsAsync(string environment, params string[] args) =>
        ToolsProcess.RunAsync(portal, environment, args);
}
