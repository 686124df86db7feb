namespace VapiWebhooks.Inbox.Storage;

/// <summary>A message that failed every attempt.</summary>
/// <param name="MessageId">The stable id.</param>
/// <param name="CallKey">The call id, or the message id.</param>
/// <param name="Type">The message type.</param>
/// <param name="Attempts">How many attempts were made.</param>
/// <param name="AcknowledgedAt">When it was received.</param>
/// <param name="DeadLetteredAt">When the last attempt failed.</param>
/// <param name="LastError">The last attempt's error.</param>
public sealed record InboxDeadLetter(string MessageId, string CallKey, string Type, int Attempts, DateTimeOffset AcknowledgedAt, DateTimeOffset DeadLetteredAt, string? LastError);
