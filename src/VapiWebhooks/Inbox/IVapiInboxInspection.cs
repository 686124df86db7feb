namespace VapiWebhooks.Inbox;

/// <summary>
/// What a diagnostics page (the ASP.NET Core package's inspector) shows of a durable inbox, and the one thing it may
/// do to it (requeue dead letters), without a dependency on the inbox package. Registered by the
/// <c>VapiWebhooks.Inbox</c> package's <c>AddInbox</c>; absent without an inbox.
/// </summary>
public interface IVapiInboxInspection
{
    /// <summary>The counts by state and the oldest dead letters.</summary>
    /// <param name="maxDeadLetters">The most dead letters to list.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The overview.</returns>
    Task<VapiInboxOverview> GetOverviewAsync(int maxDeadLetters = 100, CancellationToken cancellationToken = default);

    /// <summary>Makes dead letters pending again, with a fresh attempt count, due now.</summary>
    /// <param name="messageIds">The ids to requeue; every dead letter when null.</param>
    /// <param name="cancellationToken">Cancels the update.</param>
    /// <returns>How many were requeued.</returns>
    Task<int> RequeueDeadLettersAsync(IReadOnlyCollection<string>? messageIds = null, CancellationToken cancellationToken = default);
}

/// <summary>A durable inbox at one moment, as a diagnostics page shows it.</summary>
/// <param name="Pending">Messages waiting, being handled, or waiting for a retry.</param>
/// <param name="Leased">Of the pending, those a worker is handling now.</param>
/// <param name="Handled">Handled messages kept for the retention window.</param>
/// <param name="DeadLettered">Messages that failed every attempt.</param>
/// <param name="OldestPendingAge">How long the oldest pending message has waited; null when none is pending.</param>
/// <param name="DeadLetters">The oldest dead letters, oldest first.</param>
public sealed record VapiInboxOverview(long Pending, long Leased, long Handled, long DeadLettered, TimeSpan? OldestPendingAge, IReadOnlyList<VapiInboxDeadLetterSummary> DeadLetters);

/// <summary>One dead letter, as a diagnostics page shows it.</summary>
/// <param name="MessageId">The stable id (what requeue takes).</param>
/// <param name="CallKey">The call id, or the message id.</param>
/// <param name="Type">The message type.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="DeadLetteredAt">When the last attempt failed.</param>
/// <param name="LastError">The last attempt's error.</param>
public sealed record VapiInboxDeadLetterSummary(string MessageId, string CallKey, string Type, int Attempts, DateTimeOffset DeadLetteredAt, string? LastError);
