namespace MigrantAid.Tools.Capture;

/// <summary>
/// The <c>capture-sql</c> verb (scripts/http-benchmark.sh): reads an excerpt of the server log (the lines one page request
/// wrote) from standard input, writes the pgbench script of its statements to <c>--out</c>, and prints how many statements
/// the request sent, DISCARD ALL, BEGIN and COMMIT included. It needs no database and no configuration.
/// </summary>
public static class CaptureSqlCommand
{
    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        var i = Array.IndexOf(args, "--out");
        if (i < 0 || i + 1 >= args.Length)
        {
            await Console.Error.WriteLineAsync("usage: MigrantAid.Tools capture-sql --out SCRIPT < server-log-excerpt");
            return 2;
        }

        var statements = ServerLogStatements.Parse(await input.ReadToEndAsync());
        await File.WriteAllTextAsync(args[i + 1], PgbenchScript.Write(statements));
        await output.WriteLineAsync(statements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return statements.Count > 0 ? 0 : 1;
    }
}
