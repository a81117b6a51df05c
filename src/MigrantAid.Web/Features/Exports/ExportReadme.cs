using System.Globalization;
using System.Text;

using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// The README.md inside the zip, made from <see cref="ExportCatalogue"/> (the definitions the writer
/// uses): who exported it and when, the CSV format, what is left out, and every file with every column.
/// </summary>
public static class ExportReadme
{
    public static string Write(Guid exportId, Exporter exportedBy, IReadOnlyDictionary<string, long> rows)
    {
        var text = new ReadmeText();
        Introduction(text, exportId, exportedBy);
        LeftOut(text);
        Files(text, rows);
        return text.ToString();
    }

    /// <summary>When and what was exported, and the CSV format.</summary>
    private static void Introduction(ReadmeText text, Guid exportId, Exporter exportedBy)
    {
        text.Line("# MigrantAid organisation export");
        text.Line();
        text.Line("Exported: " + exportedBy.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " (UTC)  ");
        text.Line("Exported by: " + exportedBy.Person + "  ");
        text.Line("Export id: " + exportId.ToString("D"));
        text.Line();
        text.Line("All files were read from one consistent snapshot of the database, so ids in one file always");
        text.Line("match the rows of the file they refer to.");
        text.Line();
        text.Line("## Format");
        text.Line();
        text.Line("- CSV, UTF-8 with a byte order mark, comma-separated, CRLF line ends, one header row.");
        text.Line("- Every field is in double quotes; a double quote inside a field is doubled.");
        text.Line("- An empty field means no value.");
        text.Line("- A field starting with `=`, `+`, `-`, `@`, a tab or a carriage return has an apostrophe added in front, so that spreadsheets show it as text and never run it as a formula.");
        text.Line("- Dates are `YYYY-MM-DD`; instants are UTC, `YYYY-MM-DDThh:mm:ssZ`; true/false are `true` and `false`.");
        text.Line("- Coded values are written as names (listed with each column); lists inside a field are separated by `;`.");
        text.Line("- Ids are the portal's own ids: files refer to each other through them (e.g. `cases.csv` `office_id` is an `id` of `offices.csv`).");
        text.Line();
    }

    private static void LeftOut(ReadmeText text)
    {
        text.Line("## Left out");
        text.Line();
        text.Line("To protect the people the organisation helps, the export never contains:");
        text.Line();
        foreach (var item in ExportCatalogue.LeftOutEverywhere)
        {
            text.Line("- " + item);
        }

        text.Line();
        text.Line("Each file below also lists the fields of its table that are left out.");
        text.Line();
    }

    /// <summary>The table of files with their rows, then every file with every column and what it leaves out.</summary>
    private static void Files(ReadmeText text, IReadOnlyDictionary<string, long> rows)
    {
        text.Line("## Files");
        text.Line();
        text.Line("| File | Rows | Contents |");
        text.Line("|---|---:|---|");
        foreach (var file in ExportCatalogue.Files)
        {
            text.Line($"| `{file.Name}` | {Rows(rows, file.Name)} | {file.Description} |");
        }

        foreach (var file in ExportCatalogue.Files)
        {
            text.Line();
            text.Line("## " + file.Name);
            text.Line();
            text.Line(file.Description + " Rows: " + Rows(rows, file.Name) + ".");
            text.Line();
            text.Line("| Column | Meaning |");
            text.Line("|---|---|");
            foreach (var column in file.Columns)
            {
                text.Line($"| `{column.Name}` | {column.Description.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }

            if (file.LeftOut.Count > 0)
            {
                text.Line();
                text.Line("Left out: " + string.Join("; ", file.LeftOut) + ".");
            }
        }
    }

    private static string Rows(IReadOnlyDictionary<string, long> rows, string file) =>
        rows.TryGetValue(file, out var count) ? count.ToString(CultureInfo.InvariantCulture) : "0";

    /// <summary>Markdown lines ending in LF, whatever the platform.</summary>
    private sealed class ReadmeText
    {
        private readonly StringBuilder _text = new();

        public void Line(string line = "") => _text.Append(line).Append('\n');

        public override string ToString() => _text.ToString();
    }
}
