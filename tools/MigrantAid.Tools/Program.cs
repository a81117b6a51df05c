using MigrantAid.Tools.Capture;

namespace MigrantAid.Tools;

/// <summary>
/// Developer tools, kept out of the portal: <c>generate</c> fills a test database with a large synthetic
/// data set, <c>benchmark</c> times the pages' handlers on it (see docs/performance.md and
/// scripts/benchmark.sh); <c>benchmark-users</c> and <c>capture-sql</c> serve the HTTP benchmark
/// (scripts/http-benchmark.sh). Same arguments and settings as the portal's own verbs.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "capture-sql")
        {
            return await CaptureSqlCommand.RunAsync(args, Console.In, Console.Out);
        }

        if (!ToolCommands.IsCommand(args))
        {
            await Console.Error.WriteLineAsync(ToolCommands.Usage);
            return 2;
        }

        await using var app = ToolHost.Build(args);
        return await ToolCommands.RunAsync(app, args);
    }
}
