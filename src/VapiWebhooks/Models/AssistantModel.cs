using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>An assistant's language model (<c>assistant.model</c>).</summary>
public sealed class AssistantModel : VapiObject
{
    /// <summary>The provider, for example <c>openai</c>, <c>anthropic</c>, <c>google</c>.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>The model name, for example <c>gpt-4o</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The prompt messages (usually one system message).</summary>
    [JsonPropertyName("messages")]
    public IList<OpenAIMessage>? Messages { get; set; }

    /// <summary>Inline tool definitions, as sent (each is a tool object such as a function tool with its server).</summary>
    [JsonPropertyName("tools")]
    public JsonElement? Tools { get; set; }

    /// <summary>Ids of saved tools.</summary>
    [JsonPropertyName("toolIds")]
    public IList<string>? ToolIds { get; set; }

    /// <summary>Sampling temperature.</summary>
    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    /// <summary>The most tokens the model may produce per turn.</summary>
    [JsonPropertyName("maxTokens")]
    public int? MaxTokens { get; set; }
}
