using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A message of the conversation in OpenAI chat format (<c>messagesOpenAIFormatted[i]</c>).</summary>
public sealed class OpenAIMessage : VapiObject
{
    /// <summary><c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c> or <c>function</c>.</summary>
    [JsonPropertyName("role")]
    public ConversationRole? Role { get; set; }

    /// <summary>The text; null for an assistant message that only calls tools.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; set; }

    /// <summary>The tool calls an assistant message made.</summary>
    [JsonPropertyName("tool_calls")]
    public IList<ToolCall>? ToolCalls { get; set; }

    /// <summary>For a <c>tool</c> message: the call it answers.</summary>
    [JsonPropertyName("tool_call_id")]
    public string? ToolCallId { get; set; }

    /// <summary>The name of the function or participant, when set.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>Vapi's metadata for the message, as sent.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; set; }
}
