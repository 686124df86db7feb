using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The model called one or more tools. Reply with a <see cref="Responses.ToolCallsResponse"/> holding one result per tool call id.</summary>
public sealed class ToolCallsMessage : ServerMessage, IJsonOnDeserialized
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

    /// <summary>
    /// Refuses what cannot be a tool call: a <c>null</c> entry, or a call without an <c>id</c> (its result could never
    /// be matched, so it must not run). The message names the entry; the reader adds the path of the message.
    /// </summary>
    void IJsonOnDeserialized.OnDeserialized()
    {
        Check(_toolCallList, "toolCallList", static c => c);
        Check(ToolWithToolCallList, "toolWithToolCallList", static c => c.ToolCall, "toolCall");
    }

    private static void Check<T>(IList<T>? list, string name, Func<T, ToolCall?> call, string? inner = null)
        where T : class
    {
        if (list is null)
        {
            return;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var entry = list[i];
            if (entry is null)
            {
                throw new JsonException($"{name}[{i}] is null; a tool call must be an object.");
            }

            if (call(entry) is { } toolCall && string.IsNullOrWhiteSpace(toolCall.Id))
            {
                throw new JsonException($"{name}[{i}]{(inner is null ? string.Empty : "." + inner)} has no 'id'; a tool call without an id cannot be answered, so it is not run.");
            }
        }
    }
}
