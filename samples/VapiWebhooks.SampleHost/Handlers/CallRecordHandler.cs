using System.Globalization;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.SampleHost.Data;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary>
/// Keeps a record of each call: every <c>status-update</c> goes into its timeline, and the
/// <c>end-of-call-report</c> adds the summary, transcript, cost, ended reason and recording URL.
/// </summary>
public sealed class CallRecordHandler(CallRecordStore calls, TimeProvider time, ILogger<CallRecordHandler> logger)
    : IServerMessageHandler<StatusUpdateMessage>, IServerMessageHandler<EndOfCallReportMessage>
{
    public async Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.CallId is not { } callId || message.Status is not { } status)
        {
            return;
        }

        var at = message.Timestamp?.ToDateTimeOffset() ?? time.GetUtcNow();
        await calls.AddStatusAsync(callId, CallerOf(message), status.Value, message.EndedReason?.Value, at, cancellationToken);
        logger.LogDebug("Call {CallId} is {Status}.", callId, status.Value);
    }

    public async Task HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.CallId is not { } callId)
        {
            logger.LogWarning("An end-of-call-report without a call id was ignored.");
            return;
        }

        // Prefer the artifact and analysis; older traffic only has the legacy top-level copies.
        var summary = message.Analysis?.Summary ?? message.Summary;
        var transcript = message.Artifact?.Transcript ?? message.Transcript;
        var recording = (message.Artifact?.RecordingUrl ?? message.RecordingUrl)?.ToString();
        var cost = message.Cost is { } c ? (double)c : (double?)null;
        await calls.SaveReportAsync(callId, CallerOf(message), message.StartedAt, message.EndedAt, message.EndedReason?.Value, cost, summary, transcript, recording, cancellationToken);
        logger.LogInformation(
            "Call {CallId} ended ({EndedReason}), cost {Cost} USD.",
            callId,
            message.EndedReason?.Value ?? "unknown",
            cost?.ToString("0.####", CultureInfo.InvariantCulture) ?? "unknown");
    }

    private static string? CallerOf(ServerMessage message) => message.Customer?.Number ?? message.Call?.Customer?.Number;
}
