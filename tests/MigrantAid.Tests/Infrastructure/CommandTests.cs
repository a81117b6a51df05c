using System.Diagnostics;
using System.Text.RegularExpressions;
using MigrantAid.Tests.Support;
using MigrantAid.Web.Domain;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>The command-line verbs, run as a real process of the built portal against a real database.</summary>
public partial class CommandTests(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Create_admin_prints_a_generated_password_that_signs_in()
    {
        var (exit, output) = await RunPortalAsync(null, "create-admin", "--email", "cli-admin@test.local", "--name", "Cli Admin");

        exit.Should().Be(0, output);
        var password = GeneratedPassword().Match(output).Groups[1].Value;
        password.Should().NotBeEmpty(output);
        var client = await portal.SignedInClientAsync("cli-admin@test.local", password);
        (await client.GetAsync("/users")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK, "the new account is an administrator");
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input()
    {
        var (exit, output) = await RunPortalAsync("Stdin-Passw0rd!", "create-admin", "--email", "cli-stdin@test.local");

        exit.Should().Be(0, output);
        output.Should().NotContain("Stdin-Passw0rd!", "a password given on standard input is never echoed");
        await portal.SignedInClientAsync("cli-stdin@test.local", "Stdin-Passw0rd!");
    }

    [Fact]
    public async Task Create_admin_on_an_existing_account_adds_the_role_and_prints_no_password()
    {
        await portal.CreateUserAsync("cli-existing@test.local", Roles.Lawyer);

        var (exit, output) = await RunPortalAsync(null, "create-admin", "--email", "cli-existing@test.local");

        exit.Should().Be(0, output);
        output.Should().Contain("password is unchanged").And.NotContain("Password (shown once");
        var client = await portal.SignedInClientAsync("cli-existing@test.local", PortalFactory.Password);
        (await client.GetAsync("/users")).StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
    }

    [Fact]
    public async Task Migrate_applies_nothing_on_a_migrated_database_and_exits()
    {
        var (exit, output) = await RunPortalAsync(null, "migrate");

        exit.Should().Be(0, output);
        output.Should().Contain("migrate: 0 migration(s) applied");
    }

    private async Task<(int Exit, string Output)> RunPortalAsync(string? standardInput, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "MigrantAid.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Default"] = portal.ConnectionString;
        start.Environment["ConnectionStrings__Migrations"] = portal.OwnerConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Logging__Format"] = "text";

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            await process.StandardInput.WriteLineAsync(standardInput);
        }

        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [GeneratedRegex(@"Password \(shown once, change it after signing in\): (\S+)")]
    private static partial Regex GeneratedPassword();
}
