using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A call was deleted.</summary>
public sealed class CallDeletedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public CallDeletedMessage() => Type = ServerMessageTypes.CallDeleted;
}
