using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>Vapi asks how long to wait for the user before the assistant answers. Reply with a <see cref="Responses.CallEndpointingResponse"/>.</summary>
public sealed class CallEndpointingRequestMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public CallEndpointingRequestMessage() => Type = ServerMessageTypes.CallEndpointingRequest;

    /// <summary>The conversation so far, one entry per turn, tool call and tool result.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }

    /// <summary>The conversation so far in OpenAI chat format.</summary>
    [JsonPropertyName("messagesOpenAIFormatted")]
    public IList<OpenAIMessage>? MessagesOpenAIFormatted { get; set; }
}
