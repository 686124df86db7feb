namespace VapiWebhooks.Inbox.Storage;

/// <summary>
/// Where the inbox keeps messages. Implemented by the store packages (<c>VapiWebhooks.Inbox.Sqlite</c>,
/// <c>VapiWebhooks.Inbox.PostgreSql</c>); the inbox's acknowledger, workers and operations use only this contract.
/// <para>
/// Ordering rule every store enforces in <see cref="ClaimAsync"/>: a message is claimable only when no pending message
/// of the same call key has a smaller sequence number, so a call's messages are handed out one at a time in
/// acknowledgement order and a message waiting for a retry holds back the later ones.
/// </para>
/// </summary>
public interface IVapiInboxStore
{
    /// <summary>Creates the schema when missing. Called once before any other member.</summary>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>A task that completes when the store is ready.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="writes"/> in one transaction (one commit, one flush: the group commit).
    /// Either all are durable when the task completes, or it throws and none is.
    /// </summary>
    /// <param name="writes">Appends and state changes, in arrival order.</param>
    /// <param name="cancellationToken">Cancels the transaction.</param>
    /// <returns>For each write: true when it took effect (an append was new; a state change found its leased message).</returns>
    Task<bool[]> WriteAsync(IReadOnlyList<InboxWrite> writes, CancellationToken cancellationToken);

    /// <summary>Leases up to <see cref="InboxClaim.MaxCount"/> due messages, counting one more attempt for each.</summary>
    /// <param name="claim">Who claims, how many, and until when.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    /// <returns>The leased messages, in sequence order.</returns>
    Task<IReadOnlyList<InboxMessage>> ClaimAsync(InboxClaim claim, CancellationToken cancellationToken);

    /// <summary>Extends the leases <paramref name="owner"/> holds on <paramref name="sequences"/> (handlers still running).</summary>
    /// <param name="owner">The instance holding the leases.</param>
    /// <param name="sequences">The messages' sequence numbers.</param>
    /// <param name="leasedUntil">The new expiry.</param>
    /// <param name="cancellationToken">Cancels the renewal.</param>
    /// <returns>A task that completes when renewed.</returns>
    Task RenewLeasesAsync(string owner, IReadOnlyCollection<long> sequences, DateTimeOffset leasedUntil, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="maxCount"/> handled messages handled before <paramref name="handledBefore"/>.</summary>
    /// <param name="handledBefore">The retention cut-off.</param>
    /// <param name="maxCount">The batch size.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>How many were deleted (fewer than <paramref name="maxCount"/> means none is left).</returns>
    Task<int> DeleteHandledAsync(DateTimeOffset handledBefore, int maxCount, CancellationToken cancellationToken);

    /// <summary>Counts messages by state.</summary>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The counts and the acknowledgement time of the oldest pending message.</returns>
    Task<InboxCounts> CountAsync(CancellationToken cancellationToken);

    /// <summary>Lists dead-lettered messages, oldest first.</summary>
    /// <param name="maxCount">The most to return.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The dead letters with their last error.</returns>
    Task<IReadOnlyList<InboxDeadLetter>> ListDeadLettersAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Makes dead letters pending again with a fresh attempt count, due at <paramref name="dueAt"/>.</summary>
    /// <param name="messageIds">The messages to requeue; all dead letters when null.</param>
    /// <param name="dueAt">When they become due.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>How many were requeued.</returns>
    Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>Deletes every message in <paramref name="state"/>.</summary>
    /// <param name="state">The state to purge.</param>
    /// <param name="cancellationToken">Cancels the deletion.</param>
    /// <returns>How many were deleted.</returns>
    Task<int> PurgeAsync(InboxMessageState state, CancellationToken cancellationToken);

    /// <summary>
    /// Calls <paramref name="wake"/> whenever another instance commits new messages, until
    /// <paramref name="cancellationToken"/> fires. A store used by a single process may just wait for cancellation.
    /// </summary>
    /// <param name="wake">Wakes this instance's workers.</param>
    /// <param name="cancellationToken">Stops listening.</param>
    /// <returns>A task that ends when listening stops.</returns>
    Task ListenAsync(Action wake, CancellationToken cancellationToken);
}
