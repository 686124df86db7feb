using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>The call's status changed (queued, ringing, in-progress, forwarding, ended).</summary>
public sealed class StatusUpdateMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public StatusUpdateMessage() => Type = ServerMessageTypes.StatusUpdate;

    /// <summary>The new status.</summary>
    [JsonPropertyName("status")]
    public CallStatus? Status { get; set; }

    /// <summary>Why the call ended, when the status is <c>ended</c>.</summary>
    [JsonPropertyName("endedReason")]
    public EndedReason? EndedReason { get; set; }

    /// <summary>The conversation so far.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }

    /// <summary>The conversation so far in OpenAI chat format.</summary>
    [JsonPropertyName("messagesOpenAIFormatted")]
    public IList<OpenAIMessage>? MessagesOpenAIFormatted { get; set; }

    /// <summary>Where the call is being forwarded, when the status is <c>forwarding</c>.</summary>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination { get; set; }

    /// <summary>The transcript so far.</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; set; }

    /// <summary>The summary, when the status is <c>ended</c>.</summary>
    [JsonPropertyName("summary")]
    public string? Summary { get; set; }

    /// <summary>Debugging data for failed inbound calls, as sent.</summary>
    [JsonPropertyName("inboundPhoneCallDebuggingArtifacts")]
    public JsonElement? InboundPhoneCallDebuggingArtifacts { get; set; }
}
