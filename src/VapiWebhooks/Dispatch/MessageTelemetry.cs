using System.Diagnostics;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>The span, log scope, metrics and "Handled" log line of one message.</summary>
internal sealed class MessageTelemetry : IDisposable
{
    private readonly DispatchTelemetry _telemetry;
    private readonly ServerMessage _message;
    private readonly string _typeTag;
    private readonly Activity? _activity;
    private readonly IDisposable? _scope;

    public MessageTelemetry(DispatchTelemetry telemetry, ServerMessage message)
    {
        _telemetry = telemetry;
        _message = message;
        _typeTag = DispatchTelemetry.TypeTag(message);
        Started = telemetry.Time.GetTimestamp();
        var callId = RequestText.Truncate(message.CallId);
        // The span's name is built only when someone listens: an unobserved message costs no string.
        _activity = VapiWebhooksTelemetry.ActivitySource.HasListeners() ? VapiWebhooksTelemetry.ActivitySource.StartActivity("vapi " + _typeTag, ActivityKind.Internal) : null;
        _activity?.SetTag(VapiWebhooksTelemetry.MessageTypeTag, _typeTag);
        _activity?.SetTag(VapiWebhooksTelemetry.CallIdTag, callId);
        _scope = telemetry.Logger.BeginScope(new MessageLogScope(RequestText.Truncate(message.Type), callId));
    }

    /// <summary>When the message started, on the dispatcher's clock.</summary>
    public long Started { get; }

    /// <summary>Records the outcome: metrics, the span's tags and status, and the "Handled" line.</summary>
    public void Complete(VapiDispatchOutcome outcome, string? errorTitle)
    {
        var elapsed = _telemetry.Time.GetElapsedTime(Started);
        var outcomeTag = DispatchTelemetry.OutcomeTag(outcome);
        var tags = new TagList { { VapiWebhooksTelemetry.MessageTypeTag, _typeTag }, { VapiWebhooksTelemetry.OutcomeTag, outcomeTag } };
        _telemetry.Metrics.Messages.Add(1, tags);
        _telemetry.Metrics.HandlerDuration.Record(elapsed.TotalSeconds, tags);
        _activity?.SetTag(VapiWebhooksTelemetry.OutcomeTag, outcomeTag);
        if (errorTitle is not null)
        {
            _activity?.SetStatus(ActivityStatusCode.Error, errorTitle);
        }

        Log.Handled(_telemetry.Logger, RequestText.Truncate(_message.Type), RequestText.Truncate(_message.CallId), outcomeTag, elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        _scope?.Dispose();
        _activity?.Dispose();
    }
}
