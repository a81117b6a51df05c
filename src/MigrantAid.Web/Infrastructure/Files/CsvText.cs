namespace MigrantAid.Web.Infrastructure.Files;

/// <summary>
/// CSV fields as RFC 4180 wants them (every field quoted, quotes doubled, CRLF lines), and safe to
/// open in a spreadsheet: a field starting with =, +, -, @, tab or carriage return gets a leading
/// apostrophe so that it is shown as text and never run as a formula.
/// </summary>
public static class CsvText
{
    public static string Field(string? value)
    {
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string Line(IEnumerable<string?> fields) => string.Join(",", fields.Select(Field)) + "\r\n";
}
