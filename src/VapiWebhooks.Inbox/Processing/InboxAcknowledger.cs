using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VapiWebhooks.Inbox.Diagnostics;
using VapiWebhooks.Inbox.Storage;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Inbox.Processing;

/// <summary>Stores notifications through the group commit and says what the endpoint should answer.</summary>
internal sealed class InboxAcknowledger : IVapiInboxAcknowledger
{
    private readonly InboxWriter _writer;
    private readonly IOptionsMonitor<VapiInboxOptions> _options;
    private readonly InboxSignal _signal;
    private readonly VapiInboxMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public InboxAcknowledger(InboxWriter writer, InboxSignal signal, VapiInboxMetrics metrics, IOptionsMonitor<VapiInboxOptions> options, ILogger<InboxAcknowledger> logger, TimeProvider? time = null)
    {
        _options = options;
        _writer = writer;
        _signal = signal;
        _metrics = metrics;
        _logger = logger;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The wire names of the request types (never stored), for the options' validation.</summary>
    internal static bool IsRequestType(string type)
        => ServerMessageTable.All.Any(kind => kind.IsRequest && string.Equals(kind.WireType, type, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Request types are answered by their handler inline; everything answered <c>{}</c> is stored, or only the types
    /// <see cref="VapiInboxOptions.MessageTypes"/> lists.
    /// </summary>
    public bool Stores(ServerMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (ServerMessageTable.TryGet(message.GetType(), out var kind) && kind.IsRequest)
        {
            return false;
        }

        var types = _options.CurrentValue.MessageTypes;
        if (types is not { Count: > 0 })
        {
            return true;
        }

        foreach (var type in types)
        {
            if (string.Equals(type, message.Type, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    public async ValueTask<InboxAcknowledgement> AcknowledgeAsync(ServerMessage message, ReadOnlyMemory<byte> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = InboxMessageId.For(body.Span);

        // The endpoint's buffer is returned to its pool after the response: the store gets its own copy.
        var entry = new InboxEntry(id, string.IsNullOrEmpty(message.CallId) ? id : message.CallId, message.Type, body.ToArray(), _time.GetUtcNow());
        bool stored;
        try
        {
            // Not cancelled with the request: once queued, the commit happens; only the answer is lost.
            stored = await _writer.WriteAsync(InboxWrite.Append(entry)).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            InboxLog.AcknowledgeFailed(_logger, ex, message.Type, id);
            _metrics.Acknowledged(InboxAcknowledgement.Unavailable);
            return InboxAcknowledgement.Unavailable;
        }

        var result = stored ? InboxAcknowledgement.Stored : InboxAcknowledgement.Duplicate;
        _metrics.Acknowledged(result);
        if (stored)
        {
            _signal.Wake();
        }
        else
        {
            InboxLog.Duplicate(_logger, message.Type, id);
        }

        return result;
    }
}
