using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>Deleting a call failed.</summary>
public sealed class CallDeleteFailedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public CallDeleteFailedMessage() => Type = ServerMessageTypes.CallDeleteFailed;
}
