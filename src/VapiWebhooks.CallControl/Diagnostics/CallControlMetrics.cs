using System.Diagnostics.Metrics;
using VapiWebhooks.Diagnostics;

namespace VapiWebhooks.CallControl.Diagnostics;

/// <summary>The call-control instruments, on the library's meter.</summary>
internal sealed class CallControlMetrics
{
    public CallControlMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(VapiWebhooksTelemetry.Name) ?? new Meter(VapiWebhooksTelemetry.Name);
        Commands = meter.CreateCounter<long>(CallControlTelemetry.CommandsCounter, unit: "{command}", description: "Commands posted to live calls' control URLs.");
        Duration = meter.CreateHistogram<double>(CallControlTelemetry.CommandDurationHistogram, unit: "s", description: "Time to post a call-control command, retries included.");
        AsyncTools = meter.CreateCounter<long>(CallControlTelemetry.AsyncToolsCounter, unit: "{tool}", description: "Async tool runs, by outcome.");
    }

    public Counter<long> Commands { get; }

    public Histogram<double> Duration { get; }

    public Counter<long> AsyncTools { get; }

    public static string StatusName(CallControlStatus status) => status switch
    {
        CallControlStatus.Sent => "sent",
        CallControlStatus.CallEnded => "call_ended",
        CallControlStatus.Failed => "failed",
        CallControlStatus.UrlNotAllowed => "url_not_allowed",
        _ => "unknown",
    };
}
