using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A transfer was requested without a fixed destination. Reply with a <see cref="Responses.TransferDestinationResponse"/>.</summary>
public sealed class TransferDestinationRequestMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public TransferDestinationRequestMessage() => Type = ServerMessageTypes.TransferDestinationRequest;
}
