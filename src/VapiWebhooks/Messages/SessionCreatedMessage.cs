using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A session was created.</summary>
public sealed class SessionCreatedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public SessionCreatedMessage() => Type = ServerMessageTypes.SessionCreated;

    /// <summary>The session, as sent.</summary>
    [JsonPropertyName("session")]
    public JsonElement? Session { get; set; }
}
