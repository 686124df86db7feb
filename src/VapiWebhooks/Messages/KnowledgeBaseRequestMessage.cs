using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>A custom knowledge base is asked for documents. Reply with a <see cref="Responses.KnowledgeBaseResponse"/>, ideally within tens of milliseconds.</summary>
public sealed class KnowledgeBaseRequestMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public KnowledgeBaseRequestMessage() => Type = ServerMessageTypes.KnowledgeBaseRequest;

    /// <summary>The conversation so far, one entry per turn, tool call and tool result.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }

    /// <summary>The conversation so far in OpenAI chat format.</summary>
    [JsonPropertyName("messagesOpenAIFormatted")]
    public IList<OpenAIMessage>? MessagesOpenAIFormatted { get; set; }
}
