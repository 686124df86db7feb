using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>One captured log entry: everything a log sink could write (message, state values, scopes, exception).</summary>
public sealed record CapturedLog(string Category, LogLevel Level, EventId EventId, string Text);

/// <summary>
/// Captures every log entry at every level, with its structured state, its scopes and its exception, so
/// tests can assert what a real sink would see.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<CapturedLog> Entries => [.. _entries];

    public string AllText => string.Join('\n', _entries.Select(e => e.Text));

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
            => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder();
            text.Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                foreach (var (key, value) in values)
                {
                    text.Append(" | ").Append(key).Append('=').Append(value);
                }
            }

            owner._scopes.ForEachScope(
                static (scope, builder) =>
                {
                    builder.Append(" | scope: ").Append(scope);
                    if (scope is IEnumerable<KeyValuePair<string, object?>> scopeValues)
                    {
                        foreach (var (key, value) in scopeValues)
                        {
                            builder.Append(' ').Append(key).Append('=').Append(value);
                        }
                    }
                },
                text);
            if (exception is not null)
            {
                text.Append(" | exception: ").Append(exception);
            }

            owner._entries.Enqueue(new CapturedLog(category, logLevel, eventId, text.ToString()));
        }
    }
}
