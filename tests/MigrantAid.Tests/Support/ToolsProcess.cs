using System.Diagnostics;

namespace MigrantAid.Tests.Support;

/// <summary>The built developer tools (tools/MigrantAid.Tools) run as a process of their own against a portal's database.</summary>
public static class ToolsProcess
{
    /// <returns>The exit code, and standard output and error together.</returns>
    public static async Task<(int Exit, string Output)> RunAsync(PortalFactory portal, string environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MigrantAid.Tools.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ConnectionStrings__Default"] = portal.ConnectionString;
        start.Environment["ConnectionStrings__Migrations"] = portal.OwnerConnectionString;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Logging__Format"] = "text";
        start.Environment["Encryption__Key"] = TestKeys.KeyEncryptionKey;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
