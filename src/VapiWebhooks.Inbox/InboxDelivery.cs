namespace VapiWebhooks.Inbox;

/// <summary>
/// Which stored message a handler is running for, and which attempt this is: read
/// <see cref="Current"/> inside <c>IServerMessageHandler&lt;T&gt;.HandleAsync</c> to make the handler's own writes
/// idempotent (for example a unique key on <see cref="MessageId"/>). Null when the handler runs inline (no inbox, or a
/// request type).
/// </summary>
/// <param name="MessageId">The stable message id (see <see cref="Storage.InboxMessageId"/>); the same on every attempt and instance.</param>
/// <param name="Attempt">The attempt number, from 1.</param>
/// <param name="AcknowledgedAt">When the message was acknowledged to Vapi.</param>
public sealed record InboxDelivery(string MessageId, int Attempt, DateTimeOffset AcknowledgedAt)
{
    private static readonly AsyncLocal<InboxDelivery?> Ambient = new();

    /// <summary>The delivery the current handler runs for; null outside an inbox worker.</summary>
    public static InboxDelivery? Current
    {
        get => Ambient.Value;
        internal set => Ambient.Value = value;
    }
}
