using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A tool's configuration together with its call (<c>toolWithToolCallList[i]</c>).</summary>
public sealed class ToolWithToolCall : VapiObject
{
    private DeferredJson<JsonElement>? _messages;

    /// <summary>The kind of tool, <c>function</c> for function tools.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The function's definition.</summary>
    [JsonPropertyName("function")]
    public ToolFunctionDefinition? Function { get; set; }

    /// <summary>When true Vapi does not wait for the reply; results go to the call's control URL later.</summary>
    [JsonPropertyName("async")]
    public bool? Async { get; set; }

    /// <summary>Where the tool's calls are sent, and how long Vapi waits.</summary>
    [JsonPropertyName("server")]
    public ServerConfig? Server { get; set; }

    /// <summary>What the assistant says while the tool runs (request-start, request-complete...), as sent.</summary>
    /// <remarks>Parsed on first access.</remarks>
    [JsonIgnore]
    public JsonElement? Messages
    {
        get => _messages?.GetValue(VapiJsonContext.Default.JsonElement);
        set => _messages = value is { } element ? DeferredJson<JsonElement>.FromValue(ToolMessagesJsonConverter.Path, element) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("messages")]
    [JsonConverter(typeof(ToolMessagesJsonConverter))]
    internal object? MessagesJson
    {
        get => _messages;
        set => _messages = (DeferredJson<JsonElement>?)value;
    }

    /// <summary>The call of this tool.</summary>
    [JsonPropertyName("toolCall")]
    public ToolCall? ToolCall { get; set; }
}
