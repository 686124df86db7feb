using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A structured output that was not extracted because its conditions were not met (<c>artifact.skippedStructuredOutputs[id]</c>).</summary>
public sealed class SkippedStructuredOutput : VapiObject
{
    /// <summary>The structured output's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The first condition that was not met, as sent (Vapi has several condition shapes).</summary>
    [JsonPropertyName("unmetCondition")]
    public JsonElement? UnmetCondition { get; set; }
}
