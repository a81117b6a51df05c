using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using MigrantAid.Web.Features.Shared;
using MigrantAid.Web.Infrastructure.Files;
using MigrantAid.Web.Security.Audit;

namespace MigrantAid.Web.Features.Statistics;

/// <summary>
/// The statistics table as shown (suppressed numbers are already gone from the model) as CSV or XLSX,
/// with its note on method and period, and a first line naming who exported it, when and with which filters
/// (in an XLSX also its document properties); audited with the dimensions, filters and lines. Only aggregates:
/// nothing of a case's narrative, nobody's name or contacts, so no approval is needed whatever its size.
/// </summary>
public sealed class ExportStatisticsHandler(BuildStatisticsHandler build, IAuditLog audit, IStringLocalizer<SharedResource> l)
{
    public async Task<FileDownload?> HandleAsync(StatisticsQuery query, string format, Exporter by, CancellationToken cancellationToken = default)
    {
        var page = await build.PageAsync(query, cancellationToken);
        if (page.Table is not { } table)
        {
            return null;
        }

        var sheet = Sheet(table);
        var title = l["MigrantAid statistics"].Value;
        (string, string?)[] filters = [("", string.Join(" ", table.Note.Take(table.Filter.Columns is null ? 3 : 4)))];
        var stamp = table.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var file = format == "xlsx"
            ? new FileDownload(XlsxWriter.Write([(l["Statistics"], sheet), (l["Method"], table.Note.Select(n => (IReadOnlyList<string>)[n]).ToList())], ExportStamp.Xlsx(l, title, by, filters)),
                XlsxWriter.ContentType, $"statistics-{stamp}.xlsx")
            : new FileDownload(Csv(ExportStamp.CsvLine(l, title, by, filters), sheet, table.Note), "text/csv; charset=utf-8", $"statistics-{stamp}.csv");

        await audit.RecordAsync(StatisticsAuditActions.Exported, "statistics", null, new
        {
            format,
            rows = StatisticsDimensions.Key(table.Filter.Rows),
            columns = table.Filter.Columns is { } c ? StatisticsDimensions.Key(c) : null,
            filters = table.Filter.Values.ToDictionary(v => StatisticsDimensions.Key(v.Key), v => v.Value),
            from = table.Filter.FromYear,
            to = table.Filter.ToYear,
            lines = table.Rows.Count,
        }, cancellationToken: CancellationToken.None);
        return file;
    }

    /// <summary>The table as text cells, as on the page: header, one line per row value, the totals line.</summary>
    public List<IReadOnlyList<string>> Sheet(StatisticsTable table)
    {
        var culture = CultureInfo.InvariantCulture;
        var lines = new List<IReadOnlyList<string>>();
        var rowsLabel = l[StatisticsDimensions.Label(table.Filter.Rows)].Value;
        if (table.Columns.Count == 0)
        {
            lines.Add([rowsLabel, l["Cases"]]);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                lines.Add([table.Rows[r].Label, table.RowTotals[r].Text(culture, grouped: false)]);
            }
        }
        else
        {
            lines.Add([rowsLabel, .. table.Columns.Select(c => c.Label), l["Total"]]);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = new List<string> { table.Rows[r].Label };
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    row.Add(table.Cells[r, c].Text(culture, grouped: false));
                }

                row.Add(table.RowTotals[r].Text(culture, grouped: false));
                lines.Add(row);
            }
        }

        lines.Add([l["Total"], .. table.ColumnTotals.Select(t => t.Text(culture, grouped: false)), table.Grand.Text(culture, grouped: false)]);
        return lines;
    }

    private byte[] Csv(string stampLine, List<IReadOnlyList<string>> sheet, IReadOnlyList<string> note)
    {
        var text = new StringBuilder(stampLine);
        foreach (var line in sheet)
        {
            text.Append(CsvText.Line(line));
        }

        text.Append("\r\n");
        text.Append(CsvText.Line([l["Method"]]));
        foreach (var line in note)
        {
            text.Append(CsvText.Line([line]));
        }

        // UTF-8 with a byte order mark: Excel then reads Cyrillic correctly.
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }
}
