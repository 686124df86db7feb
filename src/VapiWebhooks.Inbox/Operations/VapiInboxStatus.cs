namespace VapiWebhooks.Inbox;

/// <summary>The inbox's state at one moment.</summary>
/// <param name="Pending">Messages waiting, being handled, or waiting for a retry.</param>
/// <param name="Leased">Of the pending, those a worker is handling now.</param>
/// <param name="Handled">Handled messages kept for the retention window.</param>
/// <param name="DeadLettered">Messages that failed every attempt.</param>
/// <param name="OldestPendingAge">How long the oldest pending message has waited since it was acknowledged; null when none is pending.</param>
public sealed record VapiInboxStatus(long Pending, long Leased, long Handled, long DeadLettered, TimeSpan? OldestPendingAge);
