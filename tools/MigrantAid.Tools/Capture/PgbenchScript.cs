using System.Text;
using System.Text.RegularExpressions;

namespace MigrantAid.Tools.Capture;

/// <summary>
/// Turns logged statements into a pgbench script: one transaction of the script is one page request's statements,
/// in order, each parameter written in place as the literal the server logged. The log carries no parameter types,
/// so a literal whose shape says its type (a uuid, a timestamp, a date) gets a cast, as Npgsql's typed parameter had it;
/// any other stays an untyped literal that the server types from its context, as it would a parameter.
/// </summary>
public static partial class PgbenchScript
{
    public static string Write(IEnumerable<LoggedStatement> statements)
    {
        var script = new StringBuilder();
        foreach (var statement in statements)
        {
            var sql = Substitute(statement.Sql, statement.Parameters).TrimEnd();
            script.Append(sql).Append(sql.EndsWith(';') ? "" : ";").Append('\n');
        }

        return script.ToString();
    }

    /// <summary>The SQL with each <c>$n</c> outside quoted text and identifiers replaced by parameter n's literal.</summary>
    public static string Substitute(string sql, IReadOnlyList<string> parameters)
    {
        var result = new StringBuilder(sql.Length);
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (c is '\'' or '"')
            {
                var end = sql.IndexOf(c, i + 1);
                end = end < 0 ? sql.Length : end + 1;
                result.Append(sql, i, end - i);
                i = end;
            }
            else if (c == '$' && Placeholder().Match(sql, i) is { Success: true } placeholder && placeholder.Index == i
                && int.Parse(placeholder.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) is var n && n >= 1 && n <= parameters.Count)
            {
                result.Append(Literal(parameters[n - 1]));
                i += placeholder.Length;
            }
            else
            {
                result.Append(c);
                i++;
            }
        }

        return result.ToString();
    }

    /// <summary>A logged value as SQL: NULL, or the quoted literal with the cast its shape calls for.</summary>
    public static string Literal(string logged)
    {
        if (logged == "NULL" || logged.Length < 2)
        {
            return logged;
        }

        var value = logged[1..^1];
        var cast = Uuid().IsMatch(value) ? "::uuid"
            : TimestampWithZone().IsMatch(value) ? "::timestamptz"
            : Timestamp().IsMatch(value) ? "::timestamp"
            : Date().IsMatch(value) ? "::date"
            : Time().IsMatch(value) ? "::time"
            : value.StartsWith('{') && value.EndsWith('}') ? ArrayCast(value[1..^1])
            : "";
        return logged + cast;
    }

    /// <summary>
    /// An array literal's cast from its elements' shape (an unnest of an untyped array is ambiguous): numbers and uuids
    /// only. Anything else in braces (a JSON object, an empty or a text array) stays untyped for the server to infer
    /// from where it is used, as for any other literal.
    /// </summary>
    private static string ArrayCast(string elements)
    {
        var items = elements.Split(',');
        return elements.Length == 0 ? ""
            : items.All(i => Integer().IsMatch(i)) ? "::integer[]"
            : items.All(i => Number().IsMatch(i)) ? "::double precision[]"
            : items.All(i => Uuid().IsMatch(i)) ? "::uuid[]"
            : "";
    }

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex Integer();

    [GeneratedRegex(@"^-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Number();

    [GeneratedRegex(@"\$([0-9]+)(?![0-9])")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?[+-][0-9]{2}(:[0-9]{2})?$")]
    private static partial Regex TimestampWithZone();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$")]
    private static partial Regex Timestamp();

    [GeneratedRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")]
    private static partial Regex Date();

    [GeneratedRegex(@"^[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$")]
    private static partial Regex Time();
}
