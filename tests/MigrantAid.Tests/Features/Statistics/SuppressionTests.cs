using MigrantAid.Web.Features.Statistics;

namespace MigrantAid.Tests.Features.Statistics;

public class SuppressionTests
{
    private static long[,] Grid(long[][] rows)
    {
        var grid = new long[rows.Length, rows[0].Length];
        for (var r = 0; r < rows.Length; r++)
        {
            for (var c = 0; c < rows[0].Length; c++)
            {
                grid[r, c] = rows[r][c];
            }
        }

        return grid;
    }

    private static SuppressedTable Table(long[][] rows, bool rowsMulti = false, bool columnsMulti = false)
    {
        var grid = Grid(rows);
        var rowTotals = rows.Select(r => r.Sum()).ToArray();
        var columnTotals = Enumerable.Range(0, rows[0].Length).Select(c => rows.Sum(r => r[c])).ToArray();
        return new SuppressedTable(grid, rowTotals, columnTotals, rowTotals.Sum(), rowsMulti, columnsMulti);
    }

    [Fact]
    public void Counts_from_one_to_four_are_small_and_zero_and_five_are_shown()
    {
        var table = Table([[0, 1, 4, 5, 20], [10, 9, 8, 7, 6], [10, 9, 8, 7, 6]]);

        table.Cells[0, 0].Should().Be(Disclosure.Shown);
        table.Cells[0, 1].Should().Be(Disclosure.Small);
        table.Cells[0, 2].Should().Be(Disclosure.Small);
        table.Cells[0, 3].Should().NotBe(Disclosure.Small);
    }

    [Fact]
    public void A_single_small_cell_that_subtraction_would_reveal_gets_a_partner_in_its_row_and_column()
    {
        // Row 0: 3 + 10 + 12 = 25. Shown alone, the 3 would be 25 - 10 - 12.
        var table = Table([[3, 10, 12], [20, 30, 40], [25, 35, 45]]);

        table.Cells[0, 0].Should().Be(Disclosure.Small);
        table.Cells[0, 1].Should().Be(Disclosure.Hidden, "the next smallest cell of the row is hidden with it");
        table.Cells[1, 0].Should().Be(Disclosure.Hidden, "and the next smallest of its column");
        Hidden(table).Should().BeGreaterThanOrEqualTo(4, "the partners need partners in their own lines too");
        table.Grand.Should().Be(Disclosure.Shown, "the grand total is never hidden");
        AssertNoLineWithOneHidden(table);
    }

    [Fact]
    public void The_grand_total_stays_shown_when_it_alone_would_give_a_small_row_away()
    {
        // Rows of 1 and 5, total 6: "<5" beside an "x" of 5 or more would be 1 and 5, so the 1 is shown as "x" too.
        var table = Table([[1], [5]]);

        table.Grand.Should().Be(Disclosure.Shown);
        table.Cells[0, 0].Should().Be(Disclosure.Hidden);
        table.RowTotals.Should().OnlyContain(d => d == Disclosure.Hidden);
        table.ColumnTotals[0].Should().Be(Disclosure.Shown, "it equals the grand total");
    }

    [Fact]
    public void A_small_total_is_hidden_and_its_cells_cannot_rebuild_it()
    {
        // Row 0 totals 3, its cells 1 and 2: all small. Column 0 then holds one small cell and must hide another.
        var table = Table([[1, 2, 0], [8, 9, 10], [7, 6, 11]]);

        table.RowTotals[0].Should().Be(Disclosure.Small);
        table.Cells[0, 0].Should().Be(Disclosure.Small);
        AssertNoLineWithOneHidden(table);
    }

    [Fact]
    public void Two_small_cells_that_add_up_to_a_known_difference_are_not_pinned()
    {
        // Row: 1 + 1 + 30 = 32. Hiding the two 1s alone: the attacker knows they add up to 2 and each is at least 1, so both are 1.
        var values = new long[] { 1, 1, 30, 32 };
        var lines = new[] { new SuppressionLine([0, 1, 2], 3, Exact: true) };

        Suppression.Recoverable(values, [Disclosure.Small, Disclosure.Small, Disclosure.Shown, Disclosure.Shown], lines)
            .Should().BeEquivalentTo([0, 1], "both are pinned at 1");
        var marks = Suppression.Apply(values, lines);

        marks[2].Should().Be(Disclosure.Hidden, "the audit hides a third number");
        Suppression.Recoverable(values, marks, lines).Should().BeEmpty();
    }

    [Fact]
    public void Totals_of_a_multi_valued_dimension_still_protect_a_single_small_cell()
    {
        // Rows are categories (a case may have two): column totals count cases once, so they are not sums.
        var cells = Grid([[3, 12], [9, 8], [6, 7]]);
        var table = new SuppressedTable(cells, [15, 17, 13], [16, 25], 38, rowsMultiValued: true, columnsMultiValued: false);

        table.Cells[0, 0].Should().Be(Disclosure.Small);
        AssertNoLineWithOneHidden(table);
    }

    [Fact]
    public void A_table_without_columns_protects_a_single_small_row_through_the_grand_total()
    {
        var table = new SuppressedTable(new long[3, 0], [2, 10, 30], [], 42, rowsMultiValued: false, columnsMultiValued: false);

        table.RowTotals[0].Should().Be(Disclosure.Small);
        table.RowTotals[1].Should().Be(Disclosure.Hidden, "42 - 30 would give 12, and 12 - 10 the small row");
        table.Grand.Should().Be(Disclosure.Shown);
    }

    private static int Hidden(SuppressedTable table) => table.Cells.Cast<Disclosure>().Count(d => d != Disclosure.Shown);

    private static void AssertNoLineWithOneHidden(SuppressedTable table)
    {
        var rows = table.RowTotals.Length;
        var columns = table.ColumnTotals.Length;
        for (var r = 0; r < rows; r++)
        {
            Enumerable.Range(0, columns).Select(c => table.Cells[r, c]).Append(table.RowTotals[r]).Count(d => d != Disclosure.Shown).Should().NotBe(1, "row {0}", r);
        }

        for (var c = 0; c < columns; c++)
        {
            Enumerable.Range(0, rows).Select(r => table.Cells[r, c]).Append(table.ColumnTotals[c]).Count(d => d != Disclosure.Shown).Should().NotBe(1, "column {0}", c);
        }

        table.RowTotals.Append(table.Grand).Count(d => d != Disclosure.Shown).Should().NotBe(1, "row totals");
        table.ColumnTotals.Append(table.Grand).Count(d => d != Disclosure.Shown).Should().NotBe(1, "column totals");
    }
}
