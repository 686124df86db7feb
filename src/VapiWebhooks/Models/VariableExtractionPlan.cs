using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>What to extract from the conversation into variables before a handoff (<c>variableExtractionPlan</c>).</summary>
public sealed class VariableExtractionPlan : VapiObject
{
    /// <summary>The JSON schema of the variables to extract, as sent.</summary>
    [JsonPropertyName("schema")]
    public JsonElement? Schema { get; set; }

    /// <summary>Variables computed from others with Liquid templates (<c>{"key": "name", "value": "{{ first }} {{ last }}"}</c>), as sent.</summary>
    [JsonPropertyName("aliases")]
    public JsonElement? Aliases { get; set; }
}
