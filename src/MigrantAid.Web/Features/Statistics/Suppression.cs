namespace MigrantAid.Web.Features.Statistics;

/// <summary>How a number of a statistics table is shown.</summary>
public enum Disclosure
{
    Shown = 0,

    /// <summary>1 to 4: shown as "&lt;5".</summary>
    Small = 1,

    /// <summary>Hidden so that a small number cannot be worked out from the others (shown as "x").</summary>
    Hidden = 2,
}

/// <summary>
/// A set of numbers tied by totals. A line says: the terms add up to the total (<see cref="Exact"/>,
/// when each counted case falls in exactly one term), or add up to at least the total with each term at
/// most the total (a multi-valued dimension: a case in several terms is counted once in the total).
/// </summary>
public sealed record SuppressionLine(IReadOnlyList<int> Terms, int Total, bool Exact);

/// <summary>
/// Small-number suppression, pure (no database): every count from 1 to <see cref="Threshold"/>-1 is
/// <see cref="Disclosure.Small"/>; then, until nothing changes, (1) a line with exactly one hidden
/// number (term or total) gets its smallest other non-zero shown number hidden as well, and (2) an
/// audit narrows, from every line, the range each hidden number can take (a small one is 1..4, a
/// secondary one 5 or more, a shown one itself); a hidden number whose range shrinks to one value
/// could be worked out, so the smallest non-zero shown number of one of its lines is hidden too.
/// Zeros are shown: hiding them protects no one, and never hiding a zero is what makes a secondary
/// number known to be at least 5.
/// </summary>
public static class Suppression
{
    public const int Threshold = 5;

    private const long Infinity = long.MaxValue / 8;

    public static Disclosure[] Apply(IReadOnlyList<long> values, IReadOnlyList<SuppressionLine> lines)
    {
        var marks = values.Select(v => v is > 0 and < Threshold ? Disclosure.Small : Disclosure.Shown).ToArray();
        var byValue = new List<SuppressionLine>[values.Count];
        foreach (var line in lines)
        {
            foreach (var index in line.Terms.Append(line.Total))
            {
                (byValue[index] ??= []).Add(line);
            }
        }

        // Each pass hides at least one more number or stops: at most values.Count passes.
        for (var pass = 0; pass <= values.Count; pass++)
        {
            var changed = false;
            foreach (var line in lines)
            {
                var members = line.Terms.Append(line.Total).ToList();
                if (members.Count(i => marks[i] != Disclosure.Shown) == 1 && HideSmallest(values, marks, members))
                {
                    changed = true;
                }
            }

            if (changed)
            {
                continue;
            }

            foreach (var pinned in Recoverable(values, marks, lines))
            {
                if ((byValue[pinned] ?? []).Any(line => HideSmallest(values, marks, [.. line.Terms.Append(line.Total)])))
                {
                    changed = true;
                    break;
                }
            }

            if (!changed)
            {
                break;
            }
        }

        return marks;
    }

    /// <summary>
    /// The hidden numbers someone could work out exactly from the shown ones and the lines, by
    /// narrowing every hidden number's range until nothing narrows further.
    /// </summary>
    public static IReadOnlyList<int> Recoverable(IReadOnlyList<long> values, IReadOnlyList<Disclosure> marks, IReadOnlyList<SuppressionLine> lines)
    {
        var lo = new long[values.Count];
        var hi = new long[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            (lo[i], hi[i]) = marks[i] switch
            {
                Disclosure.Small => (1L, (long)Threshold - 1),
                Disclosure.Hidden => ((long)Threshold, Infinity),
                _ => (values[i], values[i]),
            };
        }

        for (var round = 0; round < 200; round++)
        {
            var narrowed = false;
            foreach (var line in lines)
            {
                var t = line.Total;
                var sumLo = Sum(line.Terms.Select(i => lo[i]));
                var sumHi = Sum(line.Terms.Select(i => hi[i]));
                var unbounded = line.Terms.Count(i => hi[i] >= Infinity);
                var finiteHi = Sum(line.Terms.Where(i => hi[i] < Infinity).Select(i => hi[i]));
                foreach (var i in line.Terms)
                {
                    var othersHi = unbounded - (hi[i] >= Infinity ? 1 : 0) > 0 ? Infinity : finiteHi - (hi[i] < Infinity ? hi[i] : 0);
                    var newLo = othersHi >= Infinity ? lo[i] : Math.Max(lo[i], lo[t] - othersHi);
                    var newHi = Math.Min(hi[i], hi[t]);
                    if (line.Exact)
                    {
                        newHi = Math.Min(newHi, hi[t] >= Infinity ? Infinity : hi[t] - (sumLo - lo[i]));
                    }

                    narrowed |= Narrow(lo, hi, i, newLo, newHi);
                }

                var totalLo = line.Exact ? Math.Max(lo[t], sumLo) : Math.Max(lo[t], line.Terms.Count == 0 ? 0 : line.Terms.Max(i => lo[i]));
                narrowed |= Narrow(lo, hi, t, totalLo, Math.Min(hi[t], sumHi));
            }

            if (!narrowed)
            {
                break;
            }
        }

        return Enumerable.Range(0, values.Count).Where(i => marks[i] != Disclosure.Shown && lo[i] == hi[i]).ToList();
    }

    private static bool Narrow(long[] lo, long[] hi, int i, long newLo, long newHi)
    {
        // Never cross (the data are consistent; this only guards against a line that does not hold).
        newLo = Math.Min(newLo, hi[i]);
        newHi = Math.Max(newHi, newLo);
        if (newLo <= lo[i] && newHi >= hi[i])
        {
            return false;
        }

        lo[i] = Math.Max(lo[i], newLo);
        hi[i] = Math.Min(hi[i], newHi);
        return true;
    }

    private static long Sum(IEnumerable<long> values)
    {
        long sum = 0;
        foreach (var value in values)
        {
            sum = Math.Min(Infinity, sum + value);
        }

        return sum;
    }

    private static bool HideSmallest(IReadOnlyList<long> values, Disclosure[] marks, IReadOnlyList<int> members)
    {
        var candidate = members.Where(i => marks[i] == Disclosure.Shown && values[i] > 0)
            .OrderBy(i => values[i]).ThenBy(i => i).Select(i => (int?)i).FirstOrDefault();
        if (candidate is not { } chosen)
        {
            return false;
        }

        marks[chosen] = Disclosure.Hidden;
        return true;
    }
}

/// <summary>
/// A two-way table (rows × optional columns, with row, column and grand totals) mapped onto
/// <see cref="Suppression"/>: a row's cells add up to its total exactly when the column dimension
/// has one value per case, a column's when the row dimension has; the row totals add up to the grand
/// total when the row dimension has one value per case, and so on.
/// </summary>
public sealed class SuppressedTable
{
    public SuppressedTable(long[,] cells, long[] rowTotals, long[] columnTotals, long grand, bool rowsMultiValued, bool columnsMultiValued)
    {
        var rows = rowTotals.Length;
        var columns = columnTotals.Length;
        var values = new List<long>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                values.Add(cells[r, c]);
            }
        }

        int Cell(int r, int c) => (r * columns) + c;
        var rowTotal = values.Count;
        values.AddRange(rowTotals);
        var columnTotal = values.Count;
        values.AddRange(columnTotals);
        var grandIndex = values.Count;
        values.Add(grand);

        var lines = new List<SuppressionLine>();
        if (columns > 0)
        {
            for (var r = 0; r < rows; r++)
            {
                lines.Add(new([.. Enumerable.Range(0, columns).Select(c => Cell(r, c))], rowTotal + r, !columnsMultiValued));
            }

            for (var c = 0; c < columns; c++)
            {
                lines.Add(new([.. Enumerable.Range(0, rows).Select(r => Cell(r, c))], columnTotal + c, !rowsMultiValued));
            }

            lines.Add(new([.. Enumerable.Range(columnTotal, columns)], grandIndex, !columnsMultiValued));
        }

        lines.Add(new([.. Enumerable.Range(rowTotal, rows)], grandIndex, !rowsMultiValued));

        var marks = Suppression.Apply(values, lines);
        Cells = new Disclosure[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                Cells[r, c] = marks[Cell(r, c)];
            }
        }

        RowTotals = marks[rowTotal..columnTotal];
        ColumnTotals = marks[columnTotal..grandIndex];
        Grand = marks[grandIndex];
    }

    public Disclosure[,] Cells { get; }

    public Disclosure[] RowTotals { get; }

    public Disclosure[] ColumnTotals { get; }

    public Disclosure Grand { get; }
}
