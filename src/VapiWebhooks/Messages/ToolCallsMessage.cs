using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The model called one or more tools. Reply with a <see cref="Responses.ToolCallsResponse"/> holding one result per tool call id.</summary>
public sealed class ToolCallsMessage : ServerMessage
{
    private DeferredJson<IList<ToolCall>>? _toolCalls;
    private IList<ToolCall>? _toolCallList;

    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public ToolCallsMessage() => Type = ServerMessageTypes.ToolCalls;

    /// <summary>
    /// The tool calls, in the order the model made them; empty when the body had none (never null, so
    /// <c>message.ToolCallList[0]</c> needs no <c>!</c> right after a builder made the list).
    /// </summary>
    [JsonPropertyName("toolCallList")]
    [AllowNull]
    public IList<ToolCall> ToolCallList
    {
        get => _toolCallList ??= [];
        set => _toolCallList = value;
    }

    /// <summary>Each tool's configuration (server, timeout, async) together with its call.</summary>
    [JsonPropertyName("toolWithToolCallList")]
    public IList<ToolWithToolCall>? ToolWithToolCallList { get; set; }

    /// <summary>
    /// The same calls again, in the older <c>toolCalls</c> field that real traffic still carries next to
    /// <see cref="ToolCallList"/> (Vapi's schema no longer lists it). Use <see cref="ToolCallList"/>.
    /// </summary>
    /// <remarks>Read on first access; kept as sent and written back unchanged until then.</remarks>
    [JsonIgnore]
    public IList<ToolCall>? ToolCalls
    {
        get => _toolCalls?.GetValue(VapiJsonContext.Default.IListToolCall);
        set => _toolCalls = value is { } typed ? DeferredJson<IList<ToolCall>>.FromValue(MessageToolCallsJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("toolCalls")]
    [JsonConverter(typeof(MessageToolCallsJsonConverter))]
    internal object? ToolCallsJson
    {
        get => _toolCalls;
        set => _toolCalls = (DeferredJson<IList<ToolCall>>?)value;
    }
}
