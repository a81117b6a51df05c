using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace MigrantAid.Web.Infrastructure.Files;

/// <summary>
/// A minimal XLSX workbook (DocumentFormat.OpenXml): one worksheet per (name, lines); a text that is
/// a whole number is written as a number, anything else (labels, "&lt;5", "x") as an inline string. A
/// <see cref="XlsxStamp"/> names who made the file and when in the document properties (creator, last
/// modified by, created, modified) and as the first line of every sheet.
/// </summary>
public static class XlsxWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Write(IReadOnlyList<(string Name, List<IReadOnlyList<string>> Lines)> sheets, XlsxStamp? stamp = null)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            if (stamp is not null)
            {
                document.PackageProperties.Creator = stamp.Creator;
                document.PackageProperties.LastModifiedBy = stamp.Creator;
                document.PackageProperties.Created = stamp.Created.UtcDateTime;
                document.PackageProperties.Modified = stamp.Created.UtcDateTime;
            }

            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, lines) in sheets)
            {
                var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
                var data = new SheetData();
                uint rowIndex = 1;
                foreach (var line in stamp is null ? lines : lines.Prepend(new[] { stamp.FirstLine }))
                {
                    var row = new Row { RowIndex = rowIndex };
                    for (var c = 0; c < line.Count; c++)
                    {
                        var reference = Column(c) + rowIndex.ToString(CultureInfo.InvariantCulture);
                        var text = line[c];
                        row.Append(long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                            ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(text) }
                            : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }) });
                    }

                    data.Append(row);
                    rowIndex++;
                }

                worksheetPart.Worksheet = new Worksheet(data);
                // Sheet names: at most 31 characters, none of []:*?/\ .
                var safe = new string(name.Where(ch => !"[]:*?/\\".Contains(ch)).Take(31).ToArray());
                sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = id++, Name = safe });
            }

            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A, B, …, Z, AA, AB, …</summary>
    public static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + ((index - 1) % 26)) + name;
        }

        return name;
    }
}

/// <summary>Who made a workbook and when (document properties), and the line each sheet starts with.</summary>
public sealed record XlsxStamp(string Creator, DateTimeOffset Created, string FirstLine);
