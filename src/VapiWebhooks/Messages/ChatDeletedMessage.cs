using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A chat was deleted.</summary>
public sealed class ChatDeletedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public ChatDeletedMessage() => Type = ServerMessageTypes.ChatDeleted;
}
