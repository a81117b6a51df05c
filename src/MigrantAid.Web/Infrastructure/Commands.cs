using Microsoft.EntityFrameworkCore;
using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Encryption;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// Command-line verbs: <c>migrate</c> applies pending migrations and exits;
/// <c>create-admin --email E --name N</c> creates an administrator with a generated
/// password (or one read from standard input) and prints it once; <c>schema-script</c>
/// prints the EF model as SQL, to start a new migration from. migrate connects as the owner role
/// (ConnectionStrings:Migrations). The field encryption key verbs are <see cref="EncryptionCommands"/>. The synthetic data verbs (generate, benchmark) are not here: they are
/// the tools project's (tools/MigrantAid.Tools), which reuses <see cref="MigrateAsync"/> and <see cref="Option"/>.
/// </summary>
public static class Commands
{
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "migrate" or "create-admin" or "schema-script" || EncryptionCommands.Verbs.Contains(args[0]));

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (EncryptionCommands.Verbs.Contains(args[0]))
        {
            return await EncryptionCommands.RunAsync(app.Services, args);
        }

        if (args[0] == "schema-script")
        {
            // The EF model as SQL: a starting point when writing the next migration file by hand.
            await using var schemaScope = app.Services.CreateAsyncScope();
            await Console.Out.WriteLineAsync(schemaScope.ServiceProvider.GetRequiredService<AppDbContext>().Database.GenerateCreateScript());
            return 0;
        }

        // create-admin needs only the application role: it migrates first only where the portal itself would.
        if (args[0] != "create-admin" || app.Configuration.GetValue("Database:MigrateOnStart", true))
        {
            await MigrateAsync(app.Services);
        }
        else if (await app.Services.GetRequiredService<MigrationRunner>().PendingAsync() is { Count: > 0 } pending)
        {
            await Console.Error.WriteLineAsync($"create-admin: {pending.Count} migration(s) pending; run the 'migrate' command first.");
            return 1;
        }

        if (args[0] == "migrate")
        {
            return 0;
        }

        var email = Option(args, "--email");
        var name = Option(args, "--name") ?? email;
        if (string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --email you@example.org [--name \"Full Name\"]  (password from standard input, or generated)");
            return 2;
        }

        var password = Console.IsInputRedirected ? (await Console.In.ReadLineAsync())?.Trim() : null;
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = AdminBootstrapper.GeneratePassword();
        }

        await using var scope = app.Services.CreateAsyncScope();
        var (result, createdAccount) = await scope.ServiceProvider.GetRequiredService<AdminBootstrapper>().CreateAdminAsync(email, name!, password!);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync("create-admin failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
            return 1;
        }

        if (!createdAccount)
        {
            await Console.Out.WriteLineAsync($"create-admin: the existing account {email} now has the Admin role; its password is unchanged.");
            return 0;
        }

        await Console.Out.WriteLineAsync(generated
            ? $"create-admin: administrator {email} created. Password (shown once, change it after signing in): {password}"
            : $"create-admin: administrator {email} created.");
        return 0;
    }

    /// <summary>Applies the pending migrations as the owner role and says how many.</summary>
    public static async Task MigrateAsync(IServiceProvider services)
    {
        var runner = services.GetRequiredService<MigrationRunner>();
        var (applied, encrypted) = await MigrateAndEncryptAsync(services);
        await Console.Out.WriteLineAsync($"migrate: {applied.Count} migration(s) applied, {runner.Scripts.Count} in total.");
        if (encrypted > 0)
        {
            await Console.Out.WriteLineAsync($"migrate: {encrypted} value(s) stored before field encryption are now encrypted.");
        }
    }

    /// <summary>
    /// Applies the pending migrations; when field encryption's migration was one of them, encrypts what was stored
    /// before it (<see cref="FieldEncryptionBackfill"/>). Returns the migrations applied and the values encrypted.
    /// </summary>
    public static async Task<(IReadOnlyList<string> Applied, long Encrypted)> MigrateAndEncryptAsync(IServiceProvider services)
    {
        var applied = await services.GetRequiredService<MigrationRunner>().MigrateAsync();
        var encrypted = applied.Contains(FieldEncryptionBackfill.Migration)
            ? await FieldEncryptionBackfill.RunAsync(services.GetRequiredService<FieldCipher>(), services.GetRequiredService<DatabaseConnections>().Application)
            : 0;
        return (applied, encrypted);
    }

    /// <summary>The value after <paramref name="name"/> on the command line, if any.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
