using System.Globalization;
using System.Text;

namespace MigrantAid.Web.Features.Desk;

/// <summary>
/// Writes an iCalendar object (RFC 5545): CRLF line ends, content lines folded at 75 octets (never
/// inside a UTF-8 sequence), TEXT values escaped (backslash, semicolon, comma, line breaks).
/// </summary>
public sealed class ICalendarWriter
{
    public const int MaxOctets = 75;

    private readonly StringBuilder _text = new();

    /// <summary>A property with a TEXT value, escaped.</summary>
    public ICalendarWriter Text(string name, string value) => Line(name + ":" + Escape(value));

    /// <summary>A property whose value is written as given (dates, instants, URIs, enumerated values).</summary>
    public ICalendarWriter Raw(string nameAndParameters, string value) => Line(nameAndParameters + ":" + value);

    public ICalendarWriter Date(string name, DateOnly date) =>
        Raw(name + ";VALUE=DATE", date.ToString("yyyyMMdd", CultureInfo.InvariantCulture));

    /// <summary>An instant in UTC ("Z" form): no time zone definition is needed.</summary>
    public ICalendarWriter Instant(string name, DateTimeOffset instant) =>
        Raw(name, instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));

    public override string ToString() => _text.ToString();

    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    escaped.Append(@"\\");
                    break;
                case ';':
                    escaped.Append(@"\;");
                    break;
                case ',':
                    escaped.Append(@"\,");
                    break;
                case '\r':
                    escaped.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    escaped.Append(@"\n");
                    break;
                default:
                    // Other control characters are not allowed in TEXT.
                    if (!char.IsControl(c))
                    {
                        escaped.Append(c);
                    }

                    break;
            }
        }

        return escaped.ToString();
    }

    /// <summary>Folds a content line: at most 75 octets per physical line, continuation lines start with one space.</summary>
    public static IEnumerable<string> Fold(string line)
    {
        var current = new StringBuilder();
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                yield return current.ToString();
                current.Clear().Append(' ');
                octets = 1;
            }

            current.Append(rune.ToString());
            octets += size;
        }

        yield return current.ToString();
    }

    private ICalendarWriter Line(string line)
    {
        foreach (var part in Fold(line))
        {
            _text.Append(part).Append("\r\n");
        }

        return this;
    }
}
