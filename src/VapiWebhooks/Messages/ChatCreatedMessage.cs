using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A chat was created.</summary>
public sealed class ChatCreatedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public ChatCreatedMessage() => Type = ServerMessageTypes.ChatCreated;
}
