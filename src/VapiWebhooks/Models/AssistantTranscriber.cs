using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>An assistant's transcriber (<c>assistant.transcriber</c>).</summary>
public sealed class AssistantTranscriber : VapiObject
{
    /// <summary>The provider, for example <c>deepgram</c>, <c>assembly-ai</c>, <c>azure</c>.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>The provider's model, for example <c>nova-2</c>.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    /// <summary>The language, for example <c>en</c> or <c>multi</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }
}
