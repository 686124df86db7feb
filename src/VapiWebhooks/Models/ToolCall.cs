using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>One call of a tool by the model (<c>toolCallList[i]</c>).</summary>
public sealed class ToolCall : VapiObject
{
    /// <summary>The tool call id; the reply's <c>toolCallId</c> must repeat it exactly.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The kind of tool, <c>function</c> for function tools.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The function called and its arguments.</summary>
    [JsonPropertyName("function")]
    public ToolCallFunction? Function { get; set; }
}
