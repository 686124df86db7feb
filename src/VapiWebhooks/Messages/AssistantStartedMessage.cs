using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>An assistant started (<c>assistant.started</c>; sent by Vapi, not in its schema).</summary>
public sealed class AssistantStartedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public AssistantStartedMessage() => Type = ServerMessageTypes.AssistantStarted;
}
