using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A session was updated.</summary>
public sealed class SessionUpdatedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public SessionUpdatedMessage() => Type = ServerMessageTypes.SessionUpdated;

    /// <summary>The session, as sent.</summary>
    [JsonPropertyName("session")]
    public JsonElement? Session { get; set; }
}
