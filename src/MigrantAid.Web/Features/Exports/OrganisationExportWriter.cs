using System.Data;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using MigrantAid.Web.Features.Shared;
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
        Exporter exportedBy,
        int batchSize,
        Func<ExportProgressStep, Task> progress,
        CancellationToken cancellationToken)
    {
        batchSize = Math.Max(1, batchSize);
        var exportedAt = exportedBy.At;
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }

        var files = ExportCatalogue.Files;
        var totals = await CountAsync(connection, transaction, files, cancellationToken);
        var progressed = new ExportProgress(files, totals.Values.Sum(), progress);
        var written = new Dictionary<string, long>();
        await progressed.ReportAsync(files[0].Name, 0);

        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < files.Count; i++)
            {
                var entry = zip.CreateEntry(files[i].Name, CompressionLevel.Fastest);
                entry.LastWriteTime = exportedAt;
                await using (var writer = new StreamWriter(entry.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024))
                {
                    written[files[i].Name] = await WriteFileAsync(connection, transaction, files[i], i, batchSize, writer, progressed, cancellationToken);
                }

                await progressed.ReportAsync(i + 1 < files.Count ? files[i + 1].Name : ReadmeName, i + 1);
            }

            var readme = zip.CreateEntry(ReadmeName, CompressionLevel.Fastest);
            readme.LastWriteTime = exportedAt;
            await using var readmeWriter = new StreamWriter(readme.Open(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            await readmeWriter.WriteAsync(ExportReadme.Write(exportId, exportedBy, written));
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    /// <summary>The rows of every file's table, in the snapshot.</summary>
    private static async Task<Dictionary<string, long>> CountAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ExportFile> files, CancellationToken cancellationToken)
    {
        var totals = new Dictionary<string, long>();
        foreach (var file in files)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {file.Table}", connection, transaction);
            totals[file.Name] = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        }

        return totals;
    }

    /// <summary>One file: its header, then its rows in keyset batches, progress reported after every batch; returns the rows written.</summary>
    private static async Task<long> WriteFileAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, ExportFile file, int index, int batchSize, StreamWriter writer, ExportProgress progress,
        CancellationToken cancellationToken)
    {
        await writer.WriteAsync(CsvText.Line(file.Columns.Select(c => c.Name)));
        long rows = 0;
        object[]? after = null;
        while (true)
        {
            var batch = await ReadBatchAsync(connection, transaction, file, after, batchSize, writer, cancellationToken);
            rows += batch.Rows;
            progress.RowsWritten += batch.Rows;
            after = batch.LastKey;
            if (batch.Rows > 0)
            {
                await progress.ReportAsync(file.Name, index);
            }

            if (batch.Rows < batchSize)
            {
                return rows;
            }
        }
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

    /// <summary>The rows written so far, reported with the file being written and the files done.</summary>
    private sealed class ExportProgress(IReadOnlyList<ExportFile> files, long rowsTotal, Func<ExportProgressStep, Task> report)
    {
        public long RowsWritten { get; set; }

        public Task ReportAsync(string? currentFile, int filesDone) =>
            report(new ExportProgressStep(currentFile, filesDone, files.Count, RowsWritten, rowsTotal));
    }
}
