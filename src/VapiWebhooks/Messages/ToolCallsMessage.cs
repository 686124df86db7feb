using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>The model called one or more tools. Reply with a <see cref="Responses.ToolCallsResponse"/> holding one result per tool call id.</summary>
public sealed class ToolCallsMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public ToolCallsMessage() => Type = ServerMessageTypes.ToolCalls;

    /// <summary>The tool calls, in the order the model made them.</summary>
    [JsonPropertyName("toolCallList")]
    public IList<ToolCall>? ToolCallList { get; set; }

    /// <summary>Each tool's configuration (server, timeout, async) together with its call.</summary>
    [JsonPropertyName("toolWithToolCallList")]
    public IList<ToolWithToolCall>? ToolWithToolCallList { get; set; }
}
