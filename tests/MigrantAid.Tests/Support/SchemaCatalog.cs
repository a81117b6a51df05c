using Npgsql;

namespace MigrantAid.Tests.Support;

/// <summary>
/// What PostgreSQL's catalog says about schema public, as comparable lines: tables; columns (type
/// with length, nullability, default, identity, generation); primary, unique, foreign-key, check and
/// exclusion constraints (pg_get_constraintdef); indexes (their full definition, name included);
/// extensions. The migrations' own bookkeeping table (schema_migrations) is left out.
/// </summary>
public sealed class SchemaCatalog
{
    private SchemaCatalog(IReadOnlySet<string> entries) => Entries = entries;

    public IReadOnlySet<string> Entries { get; }

    public static async Task<SchemaCatalog> ReadAsync(string connectionString)
    {
        var entries = new SortedSet<string>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await AddAsync(connection, entries, """
            SELECT 'table ' || c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
            """);

        await AddAsync(connection, entries, """
            SELECT 'column ' || c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
                || CASE WHEN a.attnotnull THEN ' not null' ELSE ' null' END
                || COALESCE(' default ' || pg_get_expr(d.adbin, d.adrelid), '')
                || CASE a.attidentity WHEN 'a' THEN ' identity always' WHEN 'd' THEN ' identity by default' ELSE '' END
                || CASE a.attgenerated WHEN 's' THEN ' generated stored' ELSE '' END
                || COALESCE(' collate ' || NULLIF(co.collname, 'default'), '')
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
            LEFT JOIN pg_collation co ON co.oid = a.attcollation AND a.attcollation <> 0
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> 'schema_migrations'
              AND a.attnum > 0 AND NOT a.attisdropped
            """);

        await AddAsync(connection, entries, """
            SELECT 'constraint ' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid)
            FROM pg_constraint k
            JOIN pg_class c ON c.oid = k.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND k.contype IN ('p', 'u', 'f', 'c', 'x') AND c.relname <> 'schema_migrations'
            """);

        await AddAsync(connection, entries, """
            SELECT 'index ' || tablename || '.' || indexname || ': ' || indexdef
            FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> 'schema_migrations'
            """);

        await AddAsync(connection, entries, """
            SELECT 'extension ' || extname FROM pg_extension WHERE extname <> 'plpgsql'
            """);

        return new SchemaCatalog(entries);
    }

    /// <summary>Every line present on one side only, worded for the person who has to fix it.</summary>
    public static IReadOnlyList<string> Differences(SchemaCatalog fromMigrations, SchemaCatalog fromModel) =>
    [
        .. fromMigrations.Entries.Except(fromModel.Entries).Select(e => "only in migrations: " + e),
        .. fromModel.Entries.Except(fromMigrations.Entries).Select(e => "only in EF model: " + e),
    ];

    private static async Task AddAsync(NpgsqlConnection connection, SortedSet<string> entries, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(reader.GetString(0));
        }
    }
}
