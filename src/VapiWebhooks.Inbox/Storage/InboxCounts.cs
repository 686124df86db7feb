namespace VapiWebhooks.Inbox.Storage;

/// <summary>How many messages are in each state.</summary>
/// <param name="Pending">Waiting or being handled (leased).</param>
/// <param name="Leased">Of the pending, those leased to a worker right now.</param>
/// <param name="Handled">Handled and kept for the retention window (duplicate detection).</param>
/// <param name="DeadLettered">Failed every attempt.</param>
/// <param name="OldestPendingAcknowledgedAt">When the oldest pending message was acknowledged; null when none is pending.</param>
public sealed record InboxCounts(long Pending, long Leased, long Handled, long DeadLettered, DateTimeOffset? OldestPendingAcknowledgedAt);
