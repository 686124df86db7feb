using VapiWebhooks.Inbox.Processing;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.Operations;

/// <summary>The <see cref="IVapiInbox"/> over the registered store.</summary>
internal sealed class VapiInbox : IVapiInbox
{
    private readonly IVapiInboxStore _store;
    private readonly InboxReadiness _readiness;
    private readonly InboxSignal _signal;
    private readonly TimeProvider _time;

    public VapiInbox(IVapiInboxStore store, InboxReadiness readiness, InboxSignal signal, TimeProvider? time = null)
    {
        _store = store;
        _readiness = readiness;
        _signal = signal;
        _time = time ?? TimeProvider.System;
    }

    public async Task<VapiInboxStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        await _readiness.WaitAsync(cancellationToken).ConfigureAwait(false);
        var counts = await _store.CountAsync(cancellationToken).ConfigureAwait(false);
        TimeSpan? age = counts.OldestPendingAcknowledgedAt is { } oldest ? Max(_time.GetUtcNow() - oldest, TimeSpan.Zero) : null;
        return new VapiInboxStatus(counts.Pending, counts.Leased, counts.Handled, counts.DeadLettered, age);
    }

    public async Task<IReadOnlyList<InboxDeadLetter>> ListDeadLettersAsync(int maxCount = 100, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCount, 1);
        await _readiness.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.ListDeadLettersAsync(maxCount, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds = null, CancellationToken cancellationToken = default)
    {
        await _readiness.WaitAsync(cancellationToken).ConfigureAwait(false);
        var count = await _store.RequeueDeadLettersAsync(messageIds, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (count > 0)
        {
            _signal.Wake();
        }

        return count;
    }

    public async Task<int> PurgeAsync(InboxMessageState state, CancellationToken cancellationToken = default)
    {
        await _readiness.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await _store.PurgeAsync(state, cancellationToken).ConfigureAwait(false);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
