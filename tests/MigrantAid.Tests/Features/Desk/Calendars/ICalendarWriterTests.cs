using System.Text;
using MigrantAid.Web.Features.Desk;

namespace MigrantAid.Tests.Features.Desk.Calendars;

/// <summary>RFC 5545 text rules of the feed writer: escaping and folding at 75 octets without splitting a character.</summary>
public class ICalendarWriterTests
{
    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData(@"a\b", @"a\\b")]
    [InlineData("a\nb", @"a\nb")]
    [InlineData("a\r\nb", @"a\nb")]
    [InlineData("a\rb", @"a\nb")]
    [InlineData("tab\there", "tabhere")]
    [InlineData("Апелляция: срок", "Апелляция: срок")]
    public void Text_values_are_escaped(string value, string expected) =>
        ICalendarWriter.Escape(value).Should().Be(expected);

    [Fact]
    public void Long_lines_fold_at_75_octets_between_characters()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Жалоба😀x", 40));
        var parts = ICalendarWriter.Fold(line).ToList();

        parts.Should().HaveCountGreaterThan(1);
        parts.Should().OnlyContain(p => Encoding.UTF8.GetByteCount(p) <= ICalendarWriter.MaxOctets);
        parts.Skip(1).Should().OnlyContain(p => p.StartsWith(' '));
        string.Concat(parts.Take(1).Concat(parts.Skip(1).Select(p => p[1..]))).Should().Be(line, "unfolding gives the line back, every character whole");
    }

    [Fact]
    public void Document_lines_end_with_CRLF()
    {
        var text = new ICalendarWriter().Raw("BEGIN", "VCALENDAR").Text("X-WR-CALNAME", "a\nb").Date("DTSTART", new DateOnly(2027, 1, 31))
            .Instant("DTSTAMP", new DateTimeOffset(2027, 1, 31, 23, 5, 9, TimeSpan.FromHours(3))).Raw("END", "VCALENDAR").ToString();

        text.Should().Be("BEGIN:VCALENDAR\r\nX-WR-CALNAME:a\\nb\r\nDTSTART;VALUE=DATE:20270131\r\nDTSTAMP:20270131T200509Z\r\nEND:VCALENDAR\r\n");
    }
}
