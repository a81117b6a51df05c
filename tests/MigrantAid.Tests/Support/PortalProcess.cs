using System.Collections.Concurrent;
using System.Diagnostics;

namespace MigrantAid.Tests.Support;

/// <summary>
/// The portal as operators run it: <c>dotnet MigrantAid.Web.dll</c> in a process of its own, with its
/// configuration in environment variables, its standard output kept line by line for a test to read.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private PortalProcess(IDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MigrantAid.Web.dll"));
        start.Environment["Encryption__Key"] = TestKeys.KeyEncryptionKey;
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Every line written so far, standard output and error together.</summary>
    public IReadOnlyList<string> Lines => [.. _lines];

    public string Output => string.Join('\n', Lines);

    public static PortalProcess Start(IDictionary<string, string> environment) => new(environment);

    /// <summary>Runs the portal until it exits on its own (a failed start), within <paramref name="timeout"/>.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunToExitAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        await using var portal = new PortalProcess(environment);
        using var cancel = new CancellationTokenSource(timeout);
        await portal._process.WaitForExitAsync(cancel.Token);
        return (portal._process.ExitCode, portal.Lines);
    }

    /// <summary>Waits until a line matches, or fails with everything written so far.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (Lines.FirstOrDefault(match) is { } line)
            {
                return line;
            }

            if (_process.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No matching line (exited: {_process.HasExited}). Output so far:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _lines.Enqueue(line);
        }
    }
}
