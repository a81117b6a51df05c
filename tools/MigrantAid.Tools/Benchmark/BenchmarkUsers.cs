using Microsoft.AspNetCore.Identity;
using MigrantAid.Tools.Generator;
using MigrantAid.Web.Data;
using MigrantAid.Web.Domain;
using MigrantAid.Web.Infrastructure;
using Npgsql;

namespace MigrantAid.Tools.Benchmark;

/// <summary>
/// The <c>benchmark-users</c> verb (scripts/http-benchmark.sh): gives generated accounts, which have no password, one
/// random password for this run, so the HTTP benchmark can sign in as them. It writes the password to a file only its
/// owner can read and prints it nowhere. It refuses any database the generator has not marked, any database holding
/// real data (<see cref="SyntheticDatabaseMark"/>), and any account outside the generator's e-mail domain.
/// </summary>
public static class BenchmarkUsers
{
    public const string Usage = "usage: MigrantAid.Tools benchmark-users --emails a@synthetic.invalid,b@synthetic.invalid --password-file FILE";

    public static async Task<int> RunAsync(IServiceProvider root, string[] args)
    {
        var emails = (Commands.Option(args, "--emails") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var file = Commands.Option(args, "--password-file");
        if (emails.Length == 0 || string.IsNullOrWhiteSpace(file))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        if (await RefusalAsync(root, emails) is { } refusal)
        {
            await Console.Error.WriteLineAsync("benchmark-users: refused: " + refusal);
            return 3;
        }

        var password = AdminBootstrapper.GeneratePassword();
        await using var scope = root.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        foreach (var email in emails)
        {
            if (await SetPasswordAsync(users, email, password) is { } failure)
            {
                await Console.Error.WriteLineAsync($"benchmark-users: {email}: {failure}");
                return 1;
            }
        }

        // Readable by its owner only; no newline after it, so curl --data-urlencode Password@FILE sends it as it is.
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(file, options))
        {
            await writer.WriteAsync(password);
        }

        await Console.Out.WriteLineAsync($"benchmark-users: a password for this run set on {emails.Length} generated account(s), kept in {file}");
        return 0;
    }

    private static async Task<string?> RefusalAsync(IServiceProvider root, IEnumerable<string> emails)
    {
        var domain = "@" + SyntheticDataGenerator.EmailDomain;
        if (emails.FirstOrDefault(e => !e.EndsWith(domain, StringComparison.OrdinalIgnoreCase)) is { } foreign)
        {
            return $"{foreign} is not a generated account (only *{domain}).";
        }

        await using var connection = new NpgsqlConnection(root.GetRequiredService<DatabaseConnections>().Migrations);
        await connection.OpenAsync();
        if (!await SyntheticDatabaseMark.IsMarkedAsync(connection))
        {
            return "this database was not made by the generate verb; passwords are set only in a generated benchmark database.";
        }

        return await SyntheticDatabaseMark.HoldsRealDataAsync(connection)
            ? "this database holds accounts that can sign in outside the generated ones: it is not a benchmark database."
            : null;
    }

    private static async Task<string?> SetPasswordAsync(UserManager<AppUser> users, string email, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            return "no such account.";
        }

        if (await users.HasPasswordAsync(user) && await users.RemovePasswordAsync(user) is { Succeeded: false } removed)
        {
            return string.Join("; ", removed.Errors.Select(e => e.Description));
        }

        var added = await users.AddPasswordAsync(user, password);
        return added.Succeeded ? null : string.Join("; ", added.Errors.Select(e => e.Description));
    }
}
