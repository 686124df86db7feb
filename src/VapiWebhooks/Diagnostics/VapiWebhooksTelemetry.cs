using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VapiWebhooks.Diagnostics;

/// <summary>
/// The names OpenTelemetry users subscribe to: an <see cref="ActivitySource"/> with one span per message and
/// a <see cref="Meter"/> with counters and histograms. Nothing extra to install.
/// </summary>
public static class VapiWebhooksTelemetry
{
    /// <summary>The name of the activity source and the meter: <c>VapiWebhooks</c>.</summary>
    public const string Name = "VapiWebhooks";

    /// <summary>Counter of messages handled, tagged with <c>vapi.message.type</c> and <c>vapi.outcome</c>.</summary>
    public const string MessagesCounter = "vapi.webhooks.messages";

    /// <summary>Histogram of handler durations in seconds, tagged with <c>vapi.message.type</c> and <c>vapi.outcome</c>.</summary>
    public const string HandlerDurationHistogram = "vapi.webhooks.handler.duration";

    /// <summary>Counter of handlers that ran out of their deadline budget, tagged with <c>vapi.message.type</c>.</summary>
    public const string DeadlineExceededCounter = "vapi.webhooks.deadline_exceeded";

    /// <summary>Tag: the message type (known types only; others are <c>unknown</c>, to keep cardinality bounded).</summary>
    public const string MessageTypeTag = "vapi.message.type";

    /// <summary>Tag: how the message was answered (see <see cref="Dispatch.VapiDispatchOutcome"/>).</summary>
    public const string OutcomeTag = "vapi.outcome";

    /// <summary>Tag (spans only): the call id.</summary>
    public const string CallIdTag = "vapi.call.id";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(VapiWebhooksTelemetry).Assembly.GetName().Version?.ToString());
}
