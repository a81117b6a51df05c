using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;
using Npgsql;

namespace MigrantAid.Tests.Tools;

/// <summary>The benchmark-users verb (scripts/http-benchmark.sh), run as a real process on a database the generate verb made.</summary>
public class BenchmarkUsersCommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Generated_accounts_get_a_password_that_signs_them_in_until_a_real_account_exists()
    {
        var (generated, output) = await ToolsProcess.RunAsync(portal, "Testing", "generate", "--cases", "40", "--seed", "5");
        generated.Should().Be(0, output);
        var emails = new[] { await EmailAsync("coordinator%"), await EmailAsync("lawyer%"), await EmailAsync("caseworker%") };
        var file = Path.Combine(Path.GetTempPath(), "migrantaid-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exit, said) = await SetPasswordsAsync(emails, file);

            exit.Should().Be(0, said);
            var password = await File.ReadAllTextAsync(file);
            password.Should().HaveLength(18).And.NotContain("\n");
            said.Should().NotContain(password, "the password is kept in the file, printed nowhere");
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(file).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            foreach (var email in emails)
            {
                await portal.SignedInClientAsync(email, password);
            }

            File.Delete(file);
            await portal.CreateUserAsync("real.person@example.org", Roles.Lawyer);
            var (refused, why) = await SetPasswordsAsync(emails, file);
            refused.Should().Be(3, why);
            why.Should().Contain("refused");
            File.Exists(file).Should().BeFalse();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task An_account_outside_the_generated_domain_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), "migrantaid-bench-" + Guid.NewGuid().ToString("N"));

        var (exit, output) = await SetPasswordsAsync(["lawyer@demo.local"], file);

        exit.Should().Be(3, output);
        output.Should().Contain("not a generated account");
        File.Exists(file).Should().BeFalse();
    }

    private Task<(int Exit, string Output)> SetPasswordsAsync(string[] emails, string file) =>
        ToolsProcess.RunAsync(portal, "Testing", "benchmark-users", "--emails", string.Join(',', emails), "--password-file", file);

    private async Task<string> EmailAsync(string pattern)
    {
        await using var connection = new NpgsqlConnection(portal.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT min(email) FROM users WHERE email LIKE @pattern", connection);
        command.Parameters.AddWithValue("pattern", pattern);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
