using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The function a legacy <c>function-call</c> message names (<c>functionCall</c>).</summary>
public sealed class FunctionCallInfo : VapiObject
{
    /// <summary>The function name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The parameters the model passed, as sent.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; set; }
}
