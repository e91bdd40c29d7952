using Microsoft.Extensions.Logging;

namespace Platform.Ingest.Tests.Support;

/// <summary>Keeps what the client logs, so tests can assert that a closed connection says why.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly List<string> lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        lock (lines)
        {
            lines.Add($"{logLevel}: {formatter(state, exception)}");
        }
    }
}
