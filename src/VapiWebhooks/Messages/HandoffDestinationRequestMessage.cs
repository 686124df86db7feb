using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A squad asks where a dynamic handoff goes. Reply with a <see cref="Responses.HandoffDestinationResponse"/>.</summary>
public sealed class HandoffDestinationRequestMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public HandoffDestinationRequestMessage() => Type = ServerMessageTypes.HandoffDestinationRequest;

    /// <summary>The parameters the model passed to the handoff tool.</summary>
    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; set; }
}
