using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The system prompt (<c>role: system</c>).</summary>
public sealed class SystemConversationMessage : ConversationMessage
{
    /// <summary>The prompt text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
