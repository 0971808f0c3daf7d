using Microsoft.Extensions.Logging;

namespace TicketSaas.Discord.GatewayTests;

/// <summary>Keeps every log entry of the loggers it provides, to assert on failures that are logged rather than thrown.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<Entry> _entries = [];

    public sealed record Entry(string Category, LogLevel Level, string Message, Exception? Exception);

    public IReadOnlyList<Entry> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _entries];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector collector, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (collector._lock)
            {
                collector._entries.Add(new Entry(category, logLevel, formatter(state, exception), exception));
            }
        }
    }
}
