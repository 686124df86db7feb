using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VapiWebhooks.Tests.Authentication;

/// <summary>Keeps every log entry, with its formatted message and its structured state, for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<LogEntry> _entries = new();

    public IReadOnlyList<LogEntry> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>The endpoint's "refused an unauthenticated request" warnings (event 2007).</summary>
    public IReadOnlyList<LogEntry> Unauthenticated() =>
        [.. Entries.Where(e => e.EventId.Id == 2007 && e.Category.StartsWith("VapiWebhooks", StringComparison.Ordinal))];

    internal sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, string?> State, string? Exception);

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = value?.ToString();
                }
            }

            owner._entries.Enqueue(new LogEntry(category, logLevel, eventId, formatter(state, exception), values, exception?.ToString()));
        }
    }
}
