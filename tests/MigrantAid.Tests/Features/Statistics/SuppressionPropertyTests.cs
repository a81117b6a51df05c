using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tests.Features.Statistics;

/// <summary>
/// Many random two-way tables (seeded, so every run is the same), each attacked by an intruder written
/// here independently of <see cref="Suppression"/>: it knows every shown number, that "&lt;5" is 1 to 4,
/// and narrows each hidden number's range from every row, column and the grand total until nothing
/// narrows (which includes the "one unknown in a line" attack, iterated). None may be pinned.
/// </summary>
public class SuppressionPropertyTests
{
    private const long Unbounded = long.MaxValue / 8;

    [Fact]
    public void In_random_tables_the_grand_total_is_shown_and_no_hidden_number_can_be_worked_out()
    {
        var random = new Random(20261206);
        var withX = 0;
        var lastPass = 0;
        for (var n = 0; n < 1500; n++)
        {
            var cells = RandomCells(random);
            var (rows, columns) = (cells.GetLength(0), cells.GetLength(1));
            var rowTotals = Enumerable.Range(0, rows).Select(r => Enumerable.Range(0, columns).Sum(c => cells[r, c])).ToArray();
            var columnTotals = Enumerable.Range(0, columns).Select(c => Enumerable.Range(0, rows).Sum(r => cells[r, c])).ToArray();
            var grand = rowTotals.Sum();
            var table = new SuppressedTable(cells, rowTotals, columnTotals, grand, rowsMultiValued: false, columnsMultiValued: false);

            table.Grand.Should().Be(grand is > 0 and < 5 ? Disclosure.Small : Disclosure.Shown, "table {0}: the grand total is never hidden", n);
            var known = new Intruder(cells, rowTotals, columnTotals, grand, table);
            var xHidesSmall = known.HiddenValues().Any(v => v < Suppression.Threshold);
            withX += known.HiddenValues().Any() ? 1 : 0;
            lastPass += xHidesSmall ? 1 : 0;

            known.Attack().Should().BeEmpty("table {0} ({1}×{2}) must not give a hidden number away", n, rows, columns);
        }

        withX.Should().BeGreaterThan(300, "the tables exercise secondary suppression");
        lastPass.Should().BeGreaterThan(0, "some tables need the last pass");
    }

    private static long[,] RandomCells(Random random)
    {
        var cells = new long[random.Next(1, 7), random.Next(1, 7)];
        for (var r = 0; r < cells.GetLength(0); r++)
        {
            for (var c = 0; c < cells.GetLength(1); c++)
            {
                cells[r, c] = random.Next(3) == 0 ? random.Next(0, 41) : random.Next(0, 5);
            }
        }

        return cells;
    }

    /// <summary>The numbers of one table (cells, row totals, column totals, grand total) as an intruder sees them.</summary>
    private sealed class Intruder
    {
        private readonly List<long> _values = [];
        private readonly List<Disclosure> _marks = [];
        private readonly List<(List<int> Terms, int Total)> _lines = [];

        public Intruder(long[,] cells, long[] rowTotals, long[] columnTotals, long grand, SuppressedTable table)
        {
            var (rows, columns) = (rowTotals.Length, columnTotals.Length);
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    Add(cells[r, c], table.Cells[r, c]);
                }
            }

            var firstRowTotal = _values.Count;
            for (var r = 0; r < rows; r++)
            {
                Add(rowTotals[r], table.RowTotals[r]);
                _lines.Add(([.. Enumerable.Range(0, columns).Select(c => (r * columns) + c)], firstRowTotal + r));
            }

            var firstColumnTotal = _values.Count;
            for (var c = 0; c < columns; c++)
            {
                Add(columnTotals[c], table.ColumnTotals[c]);
                _lines.Add(([.. Enumerable.Range(0, rows).Select(r => (r * columns) + c)], firstColumnTotal + c));
            }

            Add(grand, table.Grand);
            _lines.Add(([.. Enumerable.Range(firstRowTotal, rows)], _values.Count - 1));
            _lines.Add(([.. Enumerable.Range(firstColumnTotal, columns)], _values.Count - 1));
        }

        public IEnumerable<long> HiddenValues() => _values.Where((_, i) => _marks[i] == Disclosure.Hidden);

        /// <summary>
        /// The hidden numbers whose range narrows to a single value. The intruder may count on an "x" that
        /// hides 5 or more being at least 5; one that hides less (a small count or zero) could be anything.
        /// </summary>
        public List<int> Attack()
        {
            var lo = _marks.Select((m, i) => m switch { Disclosure.Shown => _values[i], Disclosure.Small => 1, _ => _values[i] >= 5 ? 5 : 0 }).ToArray();
            var hi = _marks.Select((m, i) => m switch { Disclosure.Shown => _values[i], Disclosure.Small => 4, _ => Unbounded }).ToArray();
            for (var changed = true; changed;)
            {
                changed = false;
                foreach (var (terms, total) in _lines)
                {
                    foreach (var i in terms)
                    {
                        changed |= Narrow(lo, hi, i, lo[total] - Sum(terms.Where(j => j != i).Select(j => hi[j])), Minus(hi[total], terms.Where(j => j != i).Sum(j => lo[j])));
                    }

                    changed |= Narrow(lo, hi, total, terms.Sum(j => lo[j]), Sum(terms.Select(j => hi[j])));
                }
            }

            for (var i = 0; i < _values.Count; i++)
            {
                _values[i].Should().BeInRange(lo[i], hi[i], "the intruder's reasoning is sound");
            }

            return [.. Enumerable.Range(0, _values.Count).Where(i => _marks[i] != Disclosure.Shown && lo[i] == hi[i])];
        }

        private void Add(long value, Disclosure mark)
        {
            _values.Add(value);
            _marks.Add(mark);
        }

        private static bool Narrow(long[] lo, long[] hi, int i, long newLo, long newHi)
        {
            var changed = newLo > lo[i] || newHi < hi[i];
            lo[i] = Math.Max(lo[i], newLo);
            hi[i] = Math.Min(hi[i], newHi);
            return changed;
        }

        private static long Minus(long bound, long amount) => bound >= Unbounded ? Unbounded : bound - amount;

        private static long Sum(IEnumerable<long> bounds) => bounds.Aggregate(0L, (sum, b) => Math.Min(Unbounded, sum + b));
    }
}
