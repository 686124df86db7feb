using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>The legacy <c>function-call</c> message (no schema; still on by default). Reply with a <see cref="Responses.FunctionCallResponse"/>.</summary>
public sealed class FunctionCallMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public FunctionCallMessage() => Type = ServerMessageTypes.FunctionCall;

    /// <summary>The function called and its parameters.</summary>
    [JsonPropertyName("functionCall")]
    public FunctionCallInfo? FunctionCall { get; set; }
}
