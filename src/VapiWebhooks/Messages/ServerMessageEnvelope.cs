using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>The body Vapi posts: <c>{"message": {...}}</c>.</summary>
public sealed class ServerMessageEnvelope : VapiObject
{
    /// <summary>The message; null when the body has no <c>message</c> property.</summary>
    [JsonPropertyName("message")]
    public ServerMessage? Message { get; set; }
}
