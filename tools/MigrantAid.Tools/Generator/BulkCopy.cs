using MigrantAid.Web.Data.Encryption;
using Npgsql;
using NpgsqlTypes;

namespace MigrantAid.Tools.Generator;

/// <summary>One binary COPY of a list of rows into a table, and the writing of a value that may be null.</summary>
internal static class BulkCopy
{
    /// <param name="table">The table and its column list, in the order <paramref name="write"/> writes a row.</param>
    /// <returns>Rows written and the time taken.</returns>
    public static async Task<(long Rows, TimeSpan Time)> CopyAsync<T>(NpgsqlConnection connection, string table, List<T> rows, Action<NpgsqlBinaryImporter, T> write, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return (0, TimeSpan.Zero);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var importer = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var row in rows)
        {
            // Synchronous writes: they only fill Npgsql's buffer, which is flushed as it fills.
            importer.StartRow();
            write(importer, row);
        }

        var written = (long)await importer.CompleteAsync(cancellationToken);
        return (written, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A text of an encrypted column (<see cref="EncryptedFields"/>), encrypted as the portal would.</summary>
    public static void WriteEncrypted(NpgsqlBinaryImporter writer, FieldCipher cipher, string purpose, string? value) =>
        WriteOrNull(writer, value is null ? null : cipher.EncryptText(purpose, value), NpgsqlDbType.Bytea);

    public static void WriteOrNull<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNull();
        }
        else
        {
            writer.Write(value, type);
        }
    }

    public static void WriteOrNull<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type)
        where T : struct
    {
        if (value is { } v)
        {
            writer.Write(v, type);
        }
        else
        {
            writer.WriteNull();
        }
    }
}
