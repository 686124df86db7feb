namespace VapiWebhooks.Inbox.Storage;

/// <summary>A message leased to a worker.</summary>
/// <param name="Sequence">The store's sequence number (acknowledgement order).</param>
/// <param name="MessageId">The stable id.</param>
/// <param name="CallKey">The call id, or the message id.</param>
/// <param name="Type">The message type.</param>
/// <param name="Body">The raw body.</param>
/// <param name="Attempt">This attempt's number, from 1.</param>
/// <param name="AcknowledgedAt">When it was received.</param>
public sealed record InboxMessage(long Sequence, string MessageId, string CallKey, string Type, byte[] Body, int Attempt, DateTimeOffset AcknowledgedAt);
