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

    /// <summary>
    /// Counter of requests refused before reaching a handler (unauthenticated, wrong media type, too large, malformed,
    /// transport faults), tagged with <c>vapi.refusal.reason</c> and <c>http.response.status_code</c>.
    /// </summary>
    public const string RefusedCounter = "vapi.webhooks.refused";

    /// <summary>Counter of tool calls naming a tool that is not registered (the names are not tags: a client chooses them).</summary>
    public const string UnknownToolsCounter = "vapi.webhooks.tools.unknown";

    /// <summary>Tag: why a request was refused (the problem's <c>reason</c>, or a transport fault such as <c>body_timeout</c>).</summary>
    public const string RefusalReasonTag = "vapi.refusal.reason";

    /// <summary>Tag: the HTTP status a refused request was answered with (0 when the connection was aborted).</summary>
    public const string StatusCodeTag = "http.response.status_code";

    /// <summary>Tag: the message type (known types only; others are <c>unknown</c>, to keep cardinality bounded).</summary>
    public const string MessageTypeTag = "vapi.message.type";

    /// <summary>Tag: how the message was answered (see <see cref="Dispatch.VapiDispatchOutcome"/>).</summary>
    public const string OutcomeTag = "vapi.outcome";

    /// <summary>Tag (spans only): the call id.</summary>
    public const string CallIdTag = "vapi.call.id";

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(VapiWebhooksTelemetry).Assembly.GetName().Version?.ToString());
}
