using MigrantAid.Web.Data;
using MigrantAid.Web.Data.Encryption;
using Npgsql;

namespace MigrantAid.Web.Infrastructure;

/// <summary>
/// The key commands (docs/deployment.md, "Field encryption key"): <c>new-encryption-key --out FILE</c> writes a new
/// key-encryption key to a file only its owner may read; <c>rotate-encryption-key --new-key-file FILE</c> re-wraps
/// every data key from the configured key to that one, in one transaction (the data itself is not rewritten);
/// <c>encrypt-existing</c> encrypts what was stored before field encryption began.
/// </summary>
public static class EncryptionCommands
{
    public static readonly IReadOnlyList<string> Verbs = ["new-encryption-key", "rotate-encryption-key", "encrypt-existing"];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args)
    {
        switch (args[0])
        {
            case "new-encryption-key":
                return await NewKeyAsync(Commands.Option(args, "--out"));
            case "rotate-encryption-key":
                return await RotateAsync(services, Commands.Option(args, "--new-key-file"));
            default:
                var encrypted = await FieldEncryptionBackfill.RunAsync(
                    services.GetRequiredService<FieldCipher>(), services.GetRequiredService<DatabaseConnections>().Application);
                await Console.Out.WriteLineAsync($"encrypt-existing: {encrypted} value(s) encrypted.");
                return 0;
        }
    }

    private static async Task<int> NewKeyAsync(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await Console.Error.WriteLineAsync("usage: new-encryption-key --out /etc/migrantaid/field-encryption.key");
            return 2;
        }

        if (File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"new-encryption-key: {path} exists; a key file is never overwritten (the data it protects would be lost).");
            return 1;
        }

        await Console.Out.WriteLineAsync($"new-encryption-key: key {KeyEncryptionKey.WriteNewFile(path).Fingerprint} written to {path} (readable by its owner only). Keep a copy apart from the database backups.");
        return 0;
    }

    private static async Task<int> RotateAsync(IServiceProvider services, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            await Console.Error.WriteLineAsync("usage: rotate-encryption-key --new-key-file FILE  (make FILE with new-encryption-key; the current key is the configured one)");
            return 2;
        }

        var current = KeyEncryptionKey.FromConfiguration(services.GetRequiredService<IConfiguration>(), developmentKeyFile: null)
            ?? throw new FieldKeyException("rotate-encryption-key: no current key is configured (Encryption:KeyFile or Encryption:Key).");
        var next = KeyEncryptionKey.FromFile(path);
        var rewrapped = await RewrapAsync(services.GetRequiredService<DatabaseConnections>().Migrations, current, next);
        await Console.Out.WriteLineAsync(
            $"rotate-encryption-key: {rewrapped} data key(s) re-wrapped from key {current.Fingerprint} to key {next.Fingerprint}. " +
            $"Now set Encryption:KeyFile to {path} and restart every instance; destroy the old key file (and its copies) after that.");
        return 0;
    }

    /// <summary>Re-wraps every data key held under <paramref name="current"/> with <paramref name="next"/>; returns how many.</summary>
    public static async Task<int> RewrapAsync(string connectionString, KeyEncryptionKey current, KeyEncryptionKey next, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var keys = new List<(Guid Id, string Purpose, byte[] Wrapped, string Fingerprint)>();
        await using (var select = new NpgsqlCommand("SELECT id, purpose, wrapped, kek_fingerprint FROM data_keys ORDER BY purpose FOR UPDATE", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                keys.Add((reader.GetGuid(0), reader.GetString(1), (byte[])reader[2], reader.GetString(3)));
            }
        }

        if (keys.FirstOrDefault(k => k.Fingerprint != current.Fingerprint && k.Fingerprint != next.Fingerprint) is { Purpose: not null } stray)
        {
            throw new FieldKeyException($"The data key for {stray.Purpose} is wrapped with key {stray.Fingerprint}, which is neither the configured key nor the new one: nothing was changed.");
        }

        var rewrapped = 0;
        foreach (var key in keys.Where(k => k.Fingerprint == current.Fingerprint))
        {
            var dataKey = FieldCipher.Unwrap(current, key.Id, key.Purpose, key.Wrapped);
            await using var update = new NpgsqlCommand(
                "UPDATE data_keys SET wrapped = $2, kek_fingerprint = $3, rewrapped_at = now() WHERE id = $1", connection, transaction);
            update.Parameters.Add(new NpgsqlParameter { Value = key.Id });
            update.Parameters.Add(new NpgsqlParameter { Value = FieldCipher.Wrap(next.Key, key.Id, key.Purpose, dataKey) });
            update.Parameters.Add(new NpgsqlParameter { Value = next.Fingerprint });
            await update.ExecuteNonQueryAsync(cancellationToken);
            rewrapped++;
        }

        await transaction.CommitAsync(cancellationToken);
        return rewrapped;
    }
}
