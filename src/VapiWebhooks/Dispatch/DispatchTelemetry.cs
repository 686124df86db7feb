using Microsoft.Extensions.Logging;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>The dispatcher's logger, metrics and clock, shared by routing, tool running and notification handlers.</summary>
internal sealed class DispatchTelemetry(ILogger logger, VapiWebhooksMetrics metrics, TimeProvider time)
{
    public ILogger Logger { get; } = logger;

    public VapiWebhooksMetrics Metrics { get; } = metrics;

    public TimeProvider Time { get; } = time;

    /// <summary>Starts the span, log scope and timing of one message; complete it with its outcome.</summary>
    public MessageTelemetry Start(ServerMessage message) => new(this, message);

    /// <summary>Counts a handler or tool that ran out of its budget.</summary>
    public void DeadlineExceeded(ServerMessage message)
        => Metrics.DeadlineExceeded.Add(1, new KeyValuePair<string, object?>(VapiWebhooksTelemetry.MessageTypeTag, TypeTag(message)));

    /// <summary>The <c>vapi.message.type</c> tag: unknown types share one value, so senders cannot grow the metric without end.</summary>
    public static string TypeTag(ServerMessage message) => message is UnknownServerMessage ? "unknown" : message.Type;

    /// <summary>The <c>vapi.outcome</c> tag.</summary>
    public static string OutcomeTag(VapiDispatchOutcome outcome) => outcome switch
    {
        VapiDispatchOutcome.Replied => "replied",
        VapiDispatchOutcome.Acknowledged => "acknowledged",
        VapiDispatchOutcome.NoHandler => "no_handler",
        VapiDispatchOutcome.DeadlineExceeded => "deadline_exceeded",
        _ => "handler_failed",
    };
}
