using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox;

/// <summary>Operates the inbox: what is waiting, what failed for good, and putting it back.</summary>
public interface IVapiInbox
{
    /// <summary>Counts messages by state and measures the oldest pending one.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The status.</returns>
    Task<VapiInboxStatus> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Lists dead-lettered messages with their last error, oldest first.</summary>
    /// <param name="maxCount">The most to return.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The dead letters.</returns>
    Task<IReadOnlyList<InboxDeadLetter>> ListDeadLettersAsync(int maxCount = 100, CancellationToken cancellationToken = default);

    /// <summary>Makes dead letters pending again, with a fresh attempt count, due now.</summary>
    /// <param name="messageIds">The ids to requeue; every dead letter when null.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>How many were requeued.</returns>
    Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds = null, CancellationToken cancellationToken = default);

    /// <summary>Deletes every message in <paramref name="state"/> (for example all dead letters after reading them).</summary>
    /// <param name="state">The state to purge.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(InboxMessageState state, CancellationToken cancellationToken = default);
}
