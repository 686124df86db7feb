using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Inbox.TestKit;

/// <summary>The notification handler of every test: records the attempt, and fails or holds when the journal says so.</summary>
internal sealed class JournalHandler(HandlerJournal journal) : IServerMessageHandler<StatusUpdateMessage>, IServerMessageHandler<EndOfCallReportMessage>
{
    public Task HandleAsync(StatusUpdateMessage message, CancellationToken cancellationToken) => RecordAsync(message, cancellationToken);

    public Task HandleAsync(EndOfCallReportMessage message, CancellationToken cancellationToken) => RecordAsync(message, cancellationToken);

    private async Task RecordAsync(ServerMessage message, CancellationToken cancellationToken)
    {
        if (journal.Hold is { } hold)
        {
            await hold(message, cancellationToken);
        }

        var delivery = InboxDelivery.Current;
        var index = message.Timestamp is { } timestamp ? (long)(timestamp.UnixMilliseconds - 1_700_000_000_000) : -1;
        var fail = journal.Fail?.Invoke(message, delivery) == true;
        journal.Record(new HandlerJournal.Entry(message.CallId, index, delivery?.MessageId, delivery?.Attempt ?? 0, !fail));
        if (fail)
        {
            throw new InvalidOperationException($"planned failure of attempt {delivery?.Attempt}");
        }
    }
}
