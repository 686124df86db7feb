using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>
/// One entry of a call's conversation (<c>artifact.messages[i]</c>), polymorphic by <c>role</c>:
/// <see cref="UserConversationMessage"/>, <see cref="BotConversationMessage"/>, <see cref="SystemConversationMessage"/>,
/// <see cref="ToolCallsConversationMessage"/>, <see cref="ToolCallResultConversationMessage"/>, or
/// <see cref="UnknownConversationMessage"/> for a role this library does not know.
/// </summary>
[JsonConverter(typeof(ConversationMessageConverter))]
public abstract class ConversationMessage : VapiObject
{
    /// <summary>The role, as sent.</summary>
    [JsonPropertyName("role")]
    [JsonPropertyOrder(-1)]
    public ConversationRole Role { get; set; }

    /// <summary>When the message happened, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("time")]
    public double? Time { get; set; }

    /// <summary>Seconds between the start of the call and this message.</summary>
    [JsonPropertyName("secondsFromStart")]
    public double? SecondsFromStart { get; set; }
}
