using System.Diagnostics.Metrics;

namespace VapiWebhooks.Diagnostics;

/// <summary>The library's instruments, created from <see cref="IMeterFactory"/> when the host has one.</summary>
internal sealed class VapiWebhooksMetrics
{
    public VapiWebhooksMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(VapiWebhooksTelemetry.Name) ?? new Meter(VapiWebhooksTelemetry.Name);
        Messages = meter.CreateCounter<long>(VapiWebhooksTelemetry.MessagesCounter, unit: "{message}", description: "Vapi server messages handled.");
        HandlerDuration = meter.CreateHistogram<double>(VapiWebhooksTelemetry.HandlerDurationHistogram, unit: "s", description: "Time spent answering a Vapi server message.");
        DeadlineExceeded = meter.CreateCounter<long>(VapiWebhooksTelemetry.DeadlineExceededCounter, unit: "{handler}", description: "Handlers that ran out of their deadline budget.");
        UnknownTools = meter.CreateCounter<long>(VapiWebhooksTelemetry.UnknownToolsCounter, unit: "{call}", description: "Tool calls naming a tool that is not registered.");
    }

    public Counter<long> Messages { get; }

    public Histogram<double> HandlerDuration { get; }

    public Counter<long> DeadlineExceeded { get; }

    public Counter<long> UnknownTools { get; }
}
