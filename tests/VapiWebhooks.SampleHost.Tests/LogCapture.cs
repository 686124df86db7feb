using System.Collections.Concurrent;
using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// A Serilog sink that keeps every event the sample logs; registered in DI, where the sample's logging
/// configuration picks it up (<c>ReadFrom.Services</c>).
/// </summary>
public sealed class LogCapture : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Message:lj}", CultureInfo.InvariantCulture);

    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    /// <summary>The events of one source context (a class's full name), oldest first.</summary>
    public IReadOnlyList<LogEvent> From(string sourceContext)
        => [.. _events.Where(e => e.Properties.TryGetValue("SourceContext", out var value) && value is ScalarValue { Value: string s } && s == sourceContext)];

    /// <summary>An event rendered as the console shows it (strings without quotes).</summary>
    public static string Render(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Formatter.Format(logEvent, writer);
        return writer.ToString();
    }
}
