using System.Text;
using System.Text.RegularExpressions;

namespace MigrantAid.Tools.Capture;

/// <summary>One statement as the server ran it, with its parameters as the server logged them (SQL literals or NULL).</summary>
public sealed record LoggedStatement(string Sql, IReadOnlyList<string> Parameters);

/// <summary>
/// Reads the statements out of a PostgreSQL server log in its plain (stderr) format, written with
/// <c>log_statement = all</c> or <c>log_min_duration_statement = 0</c>, whatever <c>log_line_prefix</c>: simple-protocol
/// lines (<c>statement: SQL</c>), extended-protocol executions (<c>execute &lt;unnamed&gt;: SQL</c>, <c>execute S_3: SQL</c>,
/// as Npgsql sends them) with the <c>DETAIL:  parameters: $1 = '…', $2 = NULL</c> line that follows, and messages
/// continued over several lines (the server starts each continuation with a tab). Parse and bind steps are skipped:
/// only executions count.
/// </summary>
public static partial class ServerLogStatements
{
    public static IReadOnlyList<LoggedStatement> Parse(string log)
    {
        var statements = new List<LoggedStatement>();
        foreach (var (level, message) in Messages(log))
        {
            if (level == "LOG" && Statement().Match(message) is { Success: true } statement)
            {
                statements.Add(new LoggedStatement(statement.Groups["sql"].Value, []));
            }
            else if (level == "DETAIL" && message.StartsWith("parameters: ", StringComparison.Ordinal) && statements.Count > 0
                && statements[^1].Parameters.Count == 0)
            {
                statements[^1] = statements[^1] with { Parameters = ParseParameters(message["parameters: ".Length..]) };
            }
        }

        return statements;
    }

    /// <summary>The values of <c>$1 = 'a''b', $2 = NULL</c>, in order, as literals (quotes kept) or NULL.</summary>
    public static IReadOnlyList<string> ParseParameters(string text)
    {
        var values = new List<string>();
        var i = 0;
        while (Parameter().Match(text, i) is { Success: true } name && name.Index == i)
        {
            i = name.Index + name.Length;
            var start = i;
            if (text.AsSpan(i).StartsWith("NULL", StringComparison.Ordinal))
            {
                i += 4;
            }
            else if (i < text.Length && text[i] == '\'')
            {
                i = EndOfLiteral(text, i);
            }
            else
            {
                throw new FormatException($"Unexpected parameter value at {i}: {text[i..Math.Min(text.Length, i + 20)]}");
            }

            values.Add(text[start..i]);
            i += text.AsSpan(i).StartsWith(", ", StringComparison.Ordinal) ? 2 : 0;
        }

        return values;
    }

    /// <summary>The index just after the closing quote of the literal that opens at <paramref name="open"/> ('' is a quote inside).</summary>
    private static int EndOfLiteral(string text, int open)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\''))
            {
                return i + 1;
            }

            i += text[i] == '\'' ? 2 : 1;
        }

        throw new FormatException("Unterminated parameter literal.");
    }

    /// <summary>Each log message with its level, continuation lines (tab first) joined back with newlines.</summary>
    private static IEnumerable<(string Level, string Message)> Messages(string log)
    {
        string? level = null;
        var message = new StringBuilder();
        foreach (var line in log.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (line.StartsWith('\t') && level is not null)
            {
                message.Append('\n').Append(line.AsSpan(1));
                continue;
            }

            if (level is not null)
            {
                yield return (level, message.ToString());
                level = null;
            }

            if (Line().Match(line) is { Success: true } match)
            {
                level = match.Groups["level"].Value;
                message.Clear().Append(match.Groups["message"].Value);
            }
        }

        if (level is not null)
        {
            yield return (level, message.ToString());
        }
    }

    [GeneratedRegex(@"^.*?\b(?<level>LOG|DETAIL|ERROR|STATEMENT|WARNING|NOTICE|HINT|CONTEXT|FATAL|PANIC):  (?<message>.*)$")]
    private static partial Regex Line();

    [GeneratedRegex(@"^(?:duration: [0-9.]+ ms  )?(?:statement|execute [^:]+): (?<sql>.*)$", RegexOptions.Singleline)]
    private static partial Regex Statement();

    [GeneratedRegex(@"\$[0-9]+ = ")]
    private static partial Regex Parameter();
}
