namespace VapiWebhooks.Inbox.Operations;

/// <summary>The inbox as the inspector page sees it (<see cref="IVapiInboxInspection"/>, in the core package), over <see cref="IVapiInbox"/>.</summary>
internal sealed class InboxInspection(IVapiInbox inbox) : IVapiInboxInspection
{
    public async Task<VapiInboxOverview> GetOverviewAsync(int maxDeadLetters = 100, CancellationToken cancellationToken = default)
    {
        var status = await inbox.GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var deadLetters = await inbox.ListDeadLettersAsync(maxDeadLetters, cancellationToken).ConfigureAwait(false);
        return new VapiInboxOverview(
            status.Pending,
            status.Leased,
            status.Handled,
            status.DeadLettered,
            status.OldestPendingAge,
            [.. deadLetters.Select(d => new VapiInboxDeadLetterSummary(d.MessageId, d.CallKey, d.Type, d.Attempts, d.DeadLetteredAt, d.LastError))]);
    }

    public Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds = null, CancellationToken cancellationToken = default)
        => inbox.RequeueDeadLettersAsync(messageIds, cancellationToken);
}
