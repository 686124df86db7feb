using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A call is coming in and the server picks its assistant, squad or workflow. Reply within 7.5 s with an <see cref="Responses.AssistantRequestResponse"/>.</summary>
public sealed class AssistantRequestMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public AssistantRequestMessage() => Type = ServerMessageTypes.AssistantRequest;
}
