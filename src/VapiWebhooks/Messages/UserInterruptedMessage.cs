using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The user interrupted the assistant.</summary>
public sealed class UserInterruptedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public UserInterruptedMessage() => Type = ServerMessageTypes.UserInterrupted;

    /// <summary>The turn that was interrupted.</summary>
    [JsonPropertyName("turnId")]
    public string? TurnId { get; set; }
}
