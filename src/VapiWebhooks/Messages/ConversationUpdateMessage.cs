using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>The conversation changed (a turn was added).</summary>
public sealed class ConversationUpdateMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public ConversationUpdateMessage() => Type = ServerMessageTypes.ConversationUpdate;

    /// <summary>The conversation so far, one entry per turn, tool call and tool result.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }

    /// <summary>The conversation so far in OpenAI chat format.</summary>
    [JsonPropertyName("messagesOpenAIFormatted")]
    public IList<OpenAIMessage>? MessagesOpenAIFormatted { get; set; }
}
