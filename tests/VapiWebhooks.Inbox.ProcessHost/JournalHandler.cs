using VapiWebhooks.Handlers;
using VapiWebhooks.Inbox;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Inbox.ProcessHost;

/// <summary>Records every attempt to the journal, after an optional delay (to be caught mid-handler by a kill).</summary>
internal sealed class JournalHandler(HandledJournal journal, IConfiguration configuration) : IServerMessageHandler<ServerMessage>
{
    public async Task HandleAsync(ServerMessage message, CancellationToken cancellationToken)
    {
        var delay = configuration.GetValue("HandlerDelayMs", 0);
        if (delay > 0)
        {
            await Task.Delay(delay, cancellationToken);
        }

        var delivery = InboxDelivery.Current;
        journal.Record(delivery?.MessageId ?? "-", delivery?.Attempt ?? 0, message.CallId ?? "-");
    }
}
