using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A session was deleted.</summary>
public sealed class SessionDeletedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public SessionDeletedMessage() => Type = ServerMessageTypes.SessionDeleted;

    /// <summary>The session, as sent.</summary>
    [JsonPropertyName("session")]
    public JsonElement? Session { get; set; }
}
