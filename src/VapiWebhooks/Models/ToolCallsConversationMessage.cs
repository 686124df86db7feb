using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The assistant calling tools (<c>role: tool_calls</c>).</summary>
public sealed class ToolCallsConversationMessage : ConversationMessage
{
    /// <summary>The tool calls made.</summary>
    [JsonPropertyName("toolCalls")]
    public IList<ToolCall>? ToolCalls { get; set; }

    /// <summary>Text accompanying the calls (often empty).</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }
}
