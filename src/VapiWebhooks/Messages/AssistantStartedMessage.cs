using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>An assistant started (<c>assistant.started</c>; sent by Vapi, not in its schema), for example after a handoff.</summary>
public sealed class AssistantStartedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public AssistantStartedMessage() => Type = ServerMessageTypes.AssistantStarted;

    /// <summary>The assistant that took over the call.</summary>
    [JsonPropertyName("newAssistant")]
    public Assistant? NewAssistant { get; set; }
}
