namespace MigrantAid.Web.Features.Statistics;

/// <summary>
/// A two-way table (rows × optional columns, with row, column and grand totals) mapped onto
/// <see cref="Suppression"/>: a row's cells add up to its total exactly when the column dimension
/// has one value per case, a column's when the row dimension has; the row totals add up to the grand
/// total when the row dimension has one value per case, and so on. The grand total is never hidden as
/// "x" (it is "&lt;5" only when it is 1 to 4 itself): other numbers are hidden in its place.
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

        var marks = Suppression.Apply(values, lines, new HashSet<int> { grandIndex });
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
