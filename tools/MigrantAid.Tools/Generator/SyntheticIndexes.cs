using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace MigrantAid.Tools.Generator;

/// <summary>
/// The secondary indexes of the loaded tables, dropped before a large load and built again after it (faster than
/// keeping them up to date row by row); primary keys and the indexes of constraints stay.
/// </summary>
internal sealed class SyntheticIndexes(TextWriter output)
{
    private static readonly string[] LoadedTables =
    [
        "clients", "client_aliases", "client_contacts", "migration_documents", "stay_periods", "consent_records", "family_links",
        "intakes", "respondents", "cases", "case_clients", "case_lawyers", "case_categories", "case_events", "case_documents",
        "court_proceedings", "hearings", "case_deadlines",
    ];

    /// <summary>Drops the loaded tables' indexes other than primary keys and constraints; returns their definitions.</summary>
    public async Task<List<(string Name, string Definition)>> DropAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var indexes = new List<(string, string)>();
        await using (var query = new NpgsqlCommand("""
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
            WHERE t.relname = ANY($1) AND t.relnamespace = current_schema()::regnamespace
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            ORDER BY 1
            """, connection))
        {
            query.Parameters.Add(new NpgsqlParameter { Value = LoadedTables });
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {name}", connection);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }

        await output.WriteLineAsync($"generate: {indexes.Count} secondary indexes dropped, to be built again after the load");
        return indexes;
    }

    public async Task RecreateAsync(string connectionString, List<(string Name, string Definition)> indexes)
    {
        if (indexes.Count == 0)
        {
            return;
        }

        var started = Stopwatch.GetTimestamp();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var memory = new NpgsqlCommand("SET maintenance_work_mem = '256MB'", connection))
        {
            await memory.ExecuteNonQueryAsync();
        }

        foreach (var (_, definition) in indexes)
        {
            await using var create = new NpgsqlCommand(definition, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync();
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generate: {indexes.Count} indexes built in {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s"));
    }
}
