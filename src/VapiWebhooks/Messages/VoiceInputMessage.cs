using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>Text the assistant is about to speak.</summary>
public sealed class VoiceInputMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public VoiceInputMessage() => Type = ServerMessageTypes.VoiceInput;

    /// <summary>The text.</summary>
    [JsonPropertyName("input")]
    public string? Input { get; set; }
}
