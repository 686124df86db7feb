namespace VapiWebhooks.Inbox.Storage;

/// <summary>A message to store: the raw body and what is needed to dispatch it in order.</summary>
/// <param name="MessageId">The stable id: a hash of the body (see <see cref="InboxMessageId"/>).</param>
/// <param name="CallKey">The call id, or the message id when the message belongs to no call (no ordering then).</param>
/// <param name="Type">The message type, for operators and metrics.</param>
/// <param name="Body">The raw request body as authenticated.</param>
/// <param name="AcknowledgedAt">When it was received.</param>
public sealed record InboxEntry(string MessageId, string CallKey, string Type, ReadOnlyMemory<byte> Body, DateTimeOffset AcknowledgedAt);
