using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// Tells a database that holds generated data from one that holds people's files. The generator marks its database
/// (a comment on the database, so no table and no migration: the schema stays the portal's own); the verbs that
/// would harm a real database (generate, benchmark-users) look for the mark, or for real data, before they write.
/// </summary>
public static class SyntheticDatabaseMark
{
    public const string Text = "migrantaid:synthetic-data";

    /// <summary>Marks the connected database as generated (the connection must be its owner's, as the generator's is).</summary>
    public static async Task MarkAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            $"DO $$ BEGIN EXECUTE format('COMMENT ON DATABASE %I IS %L', current_database(), '{Text}'); END $$", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task<bool> IsMarkedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default) => TrueAsync(connection,
        $"SELECT coalesce(shobj_description(oid, 'pg_database'), '') = '{Text}' FROM pg_database WHERE datname = current_database()",
        cancellationToken);

    /// <summary>
    /// True when the database holds anything but generated data: an account that can sign in outside the generator's
    /// domain (an administrator, a demo or real user), or, in a database the generator has not marked, any client,
    /// intake or case.
    /// </summary>
    public static async Task<bool> HoldsRealDataAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var domain = "%@" + SyntheticDataGenerator.EmailDomain.ToUpperInvariant();
        var accounts = await TrueAsync(connection,
            $"SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL AND coalesce(normalized_email, '') NOT LIKE '{domain}')",
            cancellationToken);
        return accounts || (!await IsMarkedAsync(connection, cancellationToken) && await TrueAsync(connection,
            "SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM intakes) OR EXISTS (SELECT 1 FROM cases)", cancellationToken));
    }

    private static async Task<bool> TrueAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken) is true;
    }
}
