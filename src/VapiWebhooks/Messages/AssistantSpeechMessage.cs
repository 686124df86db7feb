using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The assistant started speaking (<c>assistant.speechStarted</c>).</summary>
public sealed class AssistantSpeechMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public AssistantSpeechMessage() => Type = ServerMessageTypes.AssistantSpeechStarted;

    /// <summary>What the assistant is saying.</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>The turn number.</summary>
    [JsonPropertyName("turn")]
    public double? Turn { get; set; }

    /// <summary>Where the text came from.</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>Word timing, as sent.</summary>
    [JsonPropertyName("timing")]
    public JsonElement? Timing { get; set; }
}
