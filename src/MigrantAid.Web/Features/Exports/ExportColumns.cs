namespace MigrantAid.Web.Features.Exports;

/// <summary>
/// One column of an exported CSV file: its header, the SQL that reads it (over the table aliased
/// <c>t</c>, always as text), what it means, and an optional mapping of the stored text (enum numbers
/// to names). The writer and the README are both made from these, so the README cannot drift.
/// </summary>
public sealed record ExportColumn(string Name, string Sql, string Description, Func<string, string>? Map = null)
{
    public static ExportColumn Text(string name, string description, string? sql = null) =>
        new(name, $"({sql ?? "t." + name})::text", description);

    public static ExportColumn Id(string name, string description, string? sql = null) =>
        new(name, $"({sql ?? "t." + name})::text", description);

    public static ExportColumn Number(string name, string description, string? sql = null) =>
        new(name, $"({sql ?? "t." + name})::text", description);

    public static ExportColumn Date(string name, string description, string? sql = null) =>
        new(name, $"to_char({sql ?? "t." + name}, 'YYYY-MM-DD')", description + " (date, YYYY-MM-DD)");

    public static ExportColumn Instant(string name, string description, string? sql = null) =>
        new(name, $"to_char(({sql ?? "t." + name}) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
            description + " (UTC instant, YYYY-MM-DDThh:mm:ssZ)");

    public static ExportColumn Bool(string name, string description, string? sql = null)
    {
        var expression = sql ?? "t." + name;
        return new(name, $"CASE WHEN {expression} THEN 'true' WHEN NOT ({expression}) THEN 'false' END", description + " (true or false)");
    }

    /// <summary>An enum stored as its number, written as its name; the README lists the names.</summary>
    public static ExportColumn Enum<T>(string name, string description, string? sql = null)
        where T : struct, System.Enum =>
        new(name, $"({sql ?? "t." + name})::text", $"{description} One of: {string.Join(", ", System.Enum.GetNames<T>())}.", EnumName<T>);

    /// <summary>A [Flags] enum, written as its set names separated by ";" (empty when none).</summary>
    public static ExportColumn Flags<T>(string name, string description, string? sql = null)
        where T : struct, System.Enum =>
        new(name, $"({sql ?? "t." + name})::text", $"{description} Any of, separated by \";\": {string.Join(", ", System.Enum.GetNames<T>().Where(n => Convert.ToInt64(System.Enum.Parse<T>(n), System.Globalization.CultureInfo.InvariantCulture) != 0))}.", FlagNames<T>);

    private static string EnumName<T>(string stored)
        where T : struct, System.Enum =>
        int.TryParse(stored, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && System.Enum.GetName(typeof(T), value) is { } name
            ? name
            : stored;

    private static string FlagNames<T>(string stored)
        where T : struct, System.Enum
    {
        if (!long.TryParse(stored, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return stored;
        }

        var names = new List<string>();
        foreach (var flag in System.Enum.GetValues<T>())
        {
            var bit = Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            if (bit != 0 && (value & bit) == bit)
            {
                names.Add(flag.ToString());
            }
        }

        return string.Join(";", names);
    }
}

/// <summary>
/// One CSV file of the export: rows of <see cref="Table"/> read in keyset batches ordered by
/// <see cref="Key"/> (its primary key), the columns written, and what is deliberately left out.
/// </summary>
public sealed record ExportFile(
    string Name,
    string Table,
    string Description,
    IReadOnlyList<string> Key,
    IReadOnlyList<ExportColumn> Columns,
    IReadOnlyList<string> LeftOut)
{
    public string Header => string.Join(",", Columns.Select(c => c.Name));
}
