using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A tool's result as the model saw it (<c>role: tool_call_result</c>).</summary>
public sealed class ToolCallResultConversationMessage : ConversationMessage
{
    /// <summary>The tool call this result answers.</summary>
    [JsonPropertyName("toolCallId")]
    public string? ToolCallId { get; set; }

    /// <summary>The tool's function name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The result as sent: a string in the spec, sometimes structured JSON in traffic.</summary>
    [JsonPropertyName("result")]
    public JsonElement? Result { get; set; }

    /// <summary>Vapi's metadata for the result, as sent.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; set; }
}
