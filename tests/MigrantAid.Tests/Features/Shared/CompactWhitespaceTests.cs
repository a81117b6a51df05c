using MigrantAid.Web.Features.Shared;

namespace MigrantAid.Tests.Features.Shared;

/// <summary>The compaction of indentation that keeps list pages small: line breaks stay, what a browser shows is unchanged.</summary>
public class CompactWhitespaceTests
{
    [Theory]
    [InlineData("<tr>\n        <td>a</td>\n    </tr>", "<tr>\n<td>a</td>\n</tr>")]
    [InlineData("Рахимов Фаррух  <span>x</span>", "Рахимов Фаррух  <span>x</span>")]
    [InlineData("a \t\r\n \n  b", "a\nb")]
    [InlineData("  \n", "\n")]
    [InlineData("", "")]
    [InlineData("a\u00A0\nb", "a\nb")]
    [InlineData("a  b\tc ", "a  b\tc ")]
    [InlineData("<td>\n  x\n</td>\n\n<td>y</td>", "<td>\nx\n</td>\n<td>y</td>")]
    public void Each_run_of_white_space_with_a_line_break_becomes_one_line_break_and_other_space_is_kept(string html, string compacted) =>
        CompactWhitespaceTagHelper.Compact(html).Should().Be(compacted);
}
