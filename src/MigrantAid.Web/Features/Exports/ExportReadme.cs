using System.Globalization;
using System.Text;

namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// The README.md inside the zip, made from <see cref="ExportCatalogue"/> (the definitions the writer
/// uses): the export date, the CSV format, what is left out, and every file with every column.
/// </summary>
public static class ExportReadme
{
    public static string Write(Guid exportId, DateTimeOffset exportedAt, IReadOnlyDictionary<string, long> rows)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.Append(line).Append('\n');

        Line("# MigrantAid organisation export");
        Line();
        Line("Exported: " + exportedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " (UTC)  ");
        Line("Export id: " + exportId.ToString("D"));
        Line();
        Line("All files were read from one consistent snapshot of the database, so ids in one file always");
        Line("match the rows of the file they refer to.");
        Line();
        Line("## Format");
        Line();
        Line("- CSV, UTF-8 with a byte order mark, comma-separated, CRLF line ends, one header row.");
        Line("- Every field is in double quotes; a double quote inside a field is doubled.");
        Line("- An empty field means no value.");
        Line("- A field starting with `=`, `+`, `-`, `@`, a tab or a carriage return has an apostrophe added in front, so that spreadsheets show it as text and never run it as a formula.");
        Line("- Dates are `YYYY-MM-DD`; instants are UTC, `YYYY-MM-DDThh:mm:ssZ`; true/false are `true` and `false`.");
        Line("- Coded values are written as names (listed with each column); lists inside a field are separated by `;`.");
        Line("- Ids are the portal's own ids: files refer to each other through them (e.g. `cases.csv` `office_id` is an `id` of `offices.csv`).");
        Line();
        Line("## Left out");
        Line();
        Line("To protect the people the organisation helps, the export never contains:");
        Line();
        foreach (var item in ExportCatalogue.LeftOutEverywhere)
        {
            Line("- " + item);
        }

        Line();
        Line("Each file below also lists the fields of its table that are left out.");
        Line();
        Line("## Files");
        Line();
        Line("| File | Rows | Contents |");
        Line("|---|---:|---|");
        foreach (var file in ExportCatalogue.Files)
        {
            Line($"| `{file.Name}` | {Rows(rows, file.Name)} | {file.Description} |");
        }

        foreach (var file in ExportCatalogue.Files)
        {
            Line();
            Line("## " + file.Name);
            Line();
            Line(file.Description + " Rows: " + Rows(rows, file.Name) + ".");
            Line();
            Line("| Column | Meaning |");
            Line("|---|---|");
            foreach (var column in file.Columns)
            {
                Line($"| `{column.Name}` | {column.Description.Replace("|", "\\|", StringComparison.Ordinal)} |");
            }

            if (file.LeftOut.Count > 0)
            {
                Line();
                Line("Left out: " + string.Join("; ", file.LeftOut) + ".");
            }
        }

        return text.ToString();
    }

    private static string Rows(IReadOnlyDictionary<string, long> rows, string file) =>
        rows.TryGetValue(file, out var count) ? count.ToString(CultureInfo.InvariantCulture) : "0";
}
