using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A function tool's definition: its name, description and JSON-schema parameters.</summary>
public sealed class ToolFunctionDefinition : VapiObject
{
    private DeferredJson<JsonElement>? _parameters;

    /// <summary>The function name the model calls.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>What the function does, for the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>The JSON schema of the arguments.</summary>
    /// <remarks>Parsed on first access.</remarks>
    [JsonIgnore]
    public JsonElement? Parameters
    {
        get => _parameters?.GetValue(VapiJsonContext.Default.JsonElement);
        set => _parameters = value is { } element ? DeferredJson<JsonElement>.FromValue(ToolParametersJsonConverter.Path, element) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("parameters")]
    [JsonConverter(typeof(ToolParametersJsonConverter))]
    internal object? ParametersJson
    {
        get => _parameters;
        set => _parameters = (DeferredJson<JsonElement>?)value;
    }

    /// <summary>Whether the model must follow the schema exactly.</summary>
    [JsonPropertyName("strict")]
    public bool? Strict { get; set; }
}
