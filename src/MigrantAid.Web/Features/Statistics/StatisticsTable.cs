using System.Globalization;

namespace MigrantAid.Web.Features.Statistics;

/// <summary>A number as it may be shown: <see cref="Value"/> is null whenever it is suppressed, so a hidden count never leaves the server.</summary>
public readonly record struct StatisticsCell(long? Value, Disclosure Disclosure)
{
    public static StatisticsCell Of(long value, Disclosure disclosure) => new(disclosure == Disclosure.Shown ? value : null, disclosure);

    /// <summary>"&lt;5", "x" or the number (grouped by the culture on the page; plain digits in files).</summary>
    public string Text(CultureInfo culture, bool grouped = true) => Disclosure switch
    {
        Disclosure.Small => "<5",
        Disclosure.Hidden => "x",
        _ => Value!.Value.ToString(grouped ? "N0" : "0", culture),
    };
}

public sealed record StatisticsHeader(string Code, string Label);

/// <summary>A statistics table as shown (suppressed), with its labels and its note on method.</summary>
public sealed class StatisticsTable
{
    public required StatisticsFilter Filter { get; init; }

    public required IReadOnlyList<StatisticsHeader> Rows { get; init; }

    /// <summary>Empty when there is no column dimension (then the row totals are the counts).</summary>
    public required IReadOnlyList<StatisticsHeader> Columns { get; init; }

    public required StatisticsCell[,] Cells { get; init; }

    public required StatisticsCell[] RowTotals { get; init; }

    public required StatisticsCell[] ColumnTotals { get; init; }

    public required StatisticsCell Grand { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The generated note: dimensions, filters and period, counting unit, suppression, time.</summary>
    public required IReadOnlyList<string> Note { get; init; }
}

/// <summary>The page model: the table (null when the query had problems), and the choices of the form.</summary>
public sealed class StatisticsPage
{
    public required StatisticsQuery Query { get; init; }

    public required StatisticsFilter Filter { get; init; }

    public StatisticsTable? Table { get; init; }

    public required IReadOnlyList<StatisticsHeader> Categories { get; init; }

    public required IReadOnlyList<StatisticsHeader> Offices { get; init; }

    /// <summary>The category "Child deported separately from the parents", for the example link.</summary>
    public int? SeparatedChildCategory { get; init; }
}
