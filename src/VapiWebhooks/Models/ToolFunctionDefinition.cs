using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A function tool's definition: its name, description and JSON-schema parameters.</summary>
public sealed class ToolFunctionDefinition : VapiObject
{
    /// <summary>The function name the model calls.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>What the function does, for the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The JSON schema of the arguments.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; set; }

    /// <summary>Whether the model must follow the schema exactly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; set; }
}
