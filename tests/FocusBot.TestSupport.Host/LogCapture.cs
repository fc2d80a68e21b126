using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace FocusBot.TestSupport;

/// <summary>
/// Keeps every log entry of Information and above the host writes, in order: to check what it said (at start, on a
/// refusal) and what it must never say (personal data).
/// </summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    /// <summary>Forgets what was written so far, so a check sees only what follows.</summary>
    public void Clear() => _entries.Clear();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception), exception));
        }
    }
}

/// <summary>One entry a <see cref="LogCapture"/> kept.</summary>
public sealed record LogEntry(string Category, LogLevel Level, string Message, Exception? Exception)
{
    /// <summary>The entry as a log file shows it: the message, then the exception with its message and stack.</summary>
    public string Line => Exception is null ? Message : Message + " " + Exception;
}
