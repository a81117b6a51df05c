using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MigrantAid.Web.Infrastructure.Files;
using Npgsql;

namespace MigrantAid.Web.Features.Exports;

/// <summary>Where an export stands, reported after counting, after every batch and after every file.</summary>
public sealed record ExportProgressStep(string? CurrentFile, int FilesDone, int FilesTotal, long RowsWritten, long RowsTotal);

/// <summary>
/// Writes the zip: one CSV per <see cref="ExportCatalogue.Files"/> entry and a README.md made from the
/// same column definitions. Everything is read in one repeatable-read, read-only transaction (one
/// consistent snapshot, so the counts, the rows and the links between files agree), table by table in
/// keyset batches on the primary key: memory stays flat however many cases there are.
/// </summary>
public static class OrganisationExportWriter
{
    public const string ReadmeName = "README.md";

    public static async Task<IReadOnlyDictionary<string, long>> WriteAsync(
        NpgsqlConnection connection,
        Stream output,
        Guid exportId,
        DateTimeOffset exportedAt,
        int batchSize,
        Func<ExportProgressStep, Task> progress,
        CancellationToken cancellationToken)
    {
        batchSize = Math.Max(1, batchSize);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        var files = ExportCatalogue.Files;
        var totals = new Dictionary<string, long>();
        foreach (var file in files)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {file.Table}", connection, transaction);
            totals[file.Name] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        var rowsTotal = totals.Values.Sum();
        long rowsWritten = 0;
        var written = new Dictionary<string, long>();
        await progress(new ExportProgressStep(files[0].Name, 0, files.Count, 0, rowsTotal));

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < files.Count; i++)
            {
                var file = files[i];
                var entry = zip.CreateEntry(file.Name, CompressionLevel.Fastest);
                entry.LastWriteTime = exportedAt;
                long rows = 0;
                await using (var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024))
                {
                    await writer.WriteAsync(CsvText.Line(file.Columns.Select(c => c.Name)));
                    object[]? after = null;
                    while (true)
                    {
                        var batch = await ReadBatchAsync(connection, transaction, file, after, batchSize, writer, cancellationToken);
                        rows += batch.Rows;
                        rowsWritten += batch.Rows;
                        after = batch.LastKey;
                        if (batch.Rows > 0)
                        {
                            await progress(new ExportProgressStep(file.Name, i, files.Count, rowsWritten, rowsTotal));
                        }

                        if (batch.Rows < batchSize)
                        {
                            break;
                        }
                    }
                }

                written[file.Name] = rows;
                await progress(new ExportProgressStep(i + 1 < files.Count ? files[i + 1].Name : ReadmeName, i + 1, files.Count, rowsWritten, rowsTotal));
            }

            var readme = zip.CreateEntry(ReadmeName, CompressionLevel.Fastest);
            readme.LastWriteTime = exportedAt;
            await using var readmeWriter = new StreamWriter(readme.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await readmeWriter.WriteAsync(ExportReadme.Write(exportId, exportedAt, written));
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    private static async Task<(int Rows, object[]? LastKey)> ReadBatchAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ExportFile file, object[]? after, int batchSize, StreamWriter writer, CancellationToken cancellationToken)
    {
        var keys = string.Join(", ", file.Key.Select(k => "t." + k));
        var sql = new StringBuilder("SELECT ")
            .Append(string.Join(", ", file.Columns.Select(c => c.Sql)))
            .Append(", ").Append(keys)
            .Append(" FROM ").Append(file.Table).Append(" t");
        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        if (after is not null)
        {
            sql.Append(" WHERE (").Append(keys).Append(") > (")
                .Append(string.Join(", ", after.Select((_, n) => "@k" + n.ToString(CultureInfo.InvariantCulture))))
                .Append(')');
            for (var n = 0; n < after.Length; n++)
            {
                command.Parameters.AddWithValue("k" + n.ToString(CultureInfo.InvariantCulture), after[n]);
            }
        }

        sql.Append(" ORDER BY ").Append(keys).Append(" LIMIT ").Append(batchSize.ToString(CultureInfo.InvariantCulture));
        command.CommandText = sql.ToString();

        var rows = 0;
        object[]? lastKey = null;
        var fields = new string?[file.Columns.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            for (var c = 0; c < file.Columns.Count; c++)
            {
                var value = await reader.IsDBNullAsync(c, cancellationToken) ? null : reader.GetString(c);
                fields[c] = value is not null && file.Columns[c].Map is { } map ? map(value) : value;
            }

            await writer.WriteAsync(CsvText.Line(fields));
            lastKey = new object[file.Key.Count];
            for (var k = 0; k < file.Key.Count; k++)
            {
                lastKey[k] = reader.GetValue(file.Columns.Count + k);
            }

            rows++;
        }

        return (rows, lastKey);
    }
}
