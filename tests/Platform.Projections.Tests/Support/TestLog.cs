using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Platform.Projections.Tests.Support;

public sealed record LogEntry(LogLevel Level, string Category, string Message, Exception? Error);

/// <summary>Keeps every log entry of one host, so tests can see what the daemon went through.</summary>
public sealed class TestLog : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public IEnumerable<LogEntry> AtLeast(LogLevel level) => Entries.Where(e => e.Level >= level);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Debug;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            log._entries.Enqueue(new LogEntry(logLevel, category, formatter(state, exception), exception));
    }
}
