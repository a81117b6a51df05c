using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Serilog.Core;
using Serilog.Events;

namespace MigrantAid.Tests.Support;

/// <summary>
/// A Serilog sink that keeps every event (category, level, message, properties, exception) for a test to read.
/// Registered as a service, it is picked up by the portal's logger (ReadFrom.Services) and so receives the
/// events as the console does: after the portal's enrichers and filters (LogRedaction) have run.
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public void Emit(LogEvent logEvent)
    {
        var values = logEvent.Properties.ToDictionary(p => p.Key, p => Plain(p.Value), StringComparer.Ordinal);
        var category = values.GetValueOrDefault(Constants.SourceContextPropertyName) as string ?? "";
        _entries.Enqueue(new LogEntry(category, Level(logEvent.Level), logEvent.RenderMessage(CultureInfo.InvariantCulture), values, logEvent.Exception?.ToString()));
    }

    private static object? Plain(LogEventPropertyValue value) =>
        value is ScalarValue scalar ? scalar.Value : value.ToString(null, CultureInfo.InvariantCulture);

    private static LogLevel Level(LogEventLevel level) => level switch
    {
        LogEventLevel.Verbose => LogLevel.Trace,
        LogEventLevel.Debug => LogLevel.Debug,
        LogEventLevel.Information => LogLevel.Information,
        LogEventLevel.Warning => LogLevel.Warning,
        LogEventLevel.Error => LogLevel.Error,
        _ => LogLevel.Critical,
    };
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, string? Exception)
{
    /// <summary>Everything this entry would write anywhere: message, every structured value, the exception.</summary>
    public string AllText => string.Join(" | ", [Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception ?? ""]);
}
