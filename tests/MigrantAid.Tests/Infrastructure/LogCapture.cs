using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace MigrantAid.Tests.Infrastructure;

/// <summary>An ILoggerProvider that keeps every entry (category, level, message, structured values, exception) for a test to read.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)
                : new Dictionary<string, object?>(StringComparer.Ordinal);
            entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

public sealed record LogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Values, string? Exception)
{
    /// <summary>Everything this entry would write anywhere: message, every structured value, the exception.</summary>
    public string AllText => string.Join(" | ", [Message, .. Values.Select(v => $"{v.Key}={v.Value}"), Exception ?? ""]);
}
