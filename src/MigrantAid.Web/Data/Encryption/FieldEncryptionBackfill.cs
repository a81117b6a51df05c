using System.Globalization;
using Npgsql;

namespace MigrantAid.Web.Data.Encryption;

/// <summary>
/// Rewrites the values stored before field encryption began (migration 0029 kept them as plain UTF-8 bytes):
/// each encrypted column, in primary-key order, 2,000 rows a transaction and one UPDATE. Run by 'migrate' (and a start that
/// migrates) right after migration 0029, and by the 'encrypt-existing' command at any time; a second run finds
/// nothing to do.
/// </summary>
public static class FieldEncryptionBackfill
{
    public const string Migration = "0029_field_encryption";

    private const int Batch = 2_000;

    private static readonly (string Table, string Key, string Column, string Purpose)[] Columns =
    [
        ("intakes", "id", "account", FieldPurposes.IntakeNarrative),
        ("intakes", "id", "client_wishes", FieldPurposes.IntakeNarrative),
        ("case_events", "id", "text", FieldPurposes.CaseNotes),
        ("client_contacts", "id", "value", FieldPurposes.ClientContacts),
        ("client_contacts", "id", "note", FieldPurposes.ClientContacts),
        ("case_document_contents", "document_id", "content", FieldPurposes.Documents),
    ];

    /// <summary>Encrypts every value not yet encrypted; returns how many.</summary>
    public static async Task<long> RunAsync(FieldCipher cipher, string connectionString, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var total = 0L;
        foreach (var (table, key, column, purpose) in Columns)
        {
            object? after = null;
            while (true)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                var rows = await PlainRowsAsync(connection, transaction, table, key, column, after, cancellationToken);
                if (rows.Count > 0)
                {
                    // One statement a batch: the ids and the new values as two arrays of the key's own type.
                    await using var update = new NpgsqlCommand(
                        $"UPDATE {table} AS t SET {column} = v.value FROM unnest($1, $2::bytea[]) AS v(id, value) WHERE t.{key} = v.id",
                        connection, transaction);
                    update.Parameters.Add(new NpgsqlParameter { Value = Ids(rows) });
                    update.Parameters.Add(new NpgsqlParameter { Value = rows.Select(r => cipher.Encrypt(purpose, r.Plain)).ToArray() });
                    await update.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                total += rows.Count;
                if (rows.Count < Batch)
                {
                    break;
                }

                after = rows[^1].Id;
            }
        }

        return total;
    }

    private static Array Ids(List<(object Id, byte[] Plain)> rows) =>
        rows[0].Id is Guid ? rows.Select(r => (Guid)r.Id).ToArray() : rows.Select(r => Convert.ToInt64(r.Id, CultureInfo.InvariantCulture)).ToArray();

    private static async Task<List<(object Id, byte[] Plain)>> PlainRowsAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string table, string key, string column, object? after, CancellationToken cancellationToken)
    {
        var from = after is null ? "" : $"AND {key} > $2";
        await using var select = new NpgsqlCommand(
            $"SELECT {key}, {column} FROM {table} WHERE {column} IS NOT NULL AND substring({column} FROM 1 FOR {FieldCipher.Marker.Length}) <> $1 {from} ORDER BY {key} LIMIT {Batch} FOR UPDATE",
            connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = FieldCipher.Marker });
        if (after is not null)
        {
            select.Parameters.Add(new NpgsqlParameter { Value = after });
        }

        var rows = new List<(object, byte[])>();
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((reader.GetValue(0), (byte[])reader[1]));
        }

        return rows;
    }
}
