using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A custom voice is asked to speak. Reply with raw PCM: mono, 16-bit signed little-endian, at exactly <see cref="SampleRate"/>.</summary>
public sealed class VoiceRequestMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public VoiceRequestMessage() => Type = ServerMessageTypes.VoiceRequest;

    /// <summary>The text to speak (usually one sentence).</summary>
    [JsonPropertyName("text")]
    public string? Text { get; set; }

    /// <summary>The sample rate the audio must have: 8000, 16000, 22050, 24000 or 44100.</summary>
    [JsonPropertyName("sampleRate")]
    public int SampleRate { get; set; }
}
