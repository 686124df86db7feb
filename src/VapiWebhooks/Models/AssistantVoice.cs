using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>An assistant's voice (<c>assistant.voice</c>). <c>custom-voice</c> sends <c>voice-request</c> messages to a server.</summary>
public sealed class AssistantVoice : VapiObject
{
    /// <summary>The provider, for example <c>11labs</c>, <c>azure</c>, <c>vapi</c> or <c>custom-voice</c>.</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>The provider's voice id.</summary>
    [JsonPropertyName("voiceId")]
    public string? VoiceId { get; set; }

    /// <summary>For <c>custom-voice</c>: where <c>voice-request</c> messages are sent.</summary>
    [JsonPropertyName("server")]
    public ServerConfig? Server { get; set; }

    /// <summary>Whether Vapi caches synthesised audio.</summary>
    [JsonPropertyName("cachingEnabled")]
    public bool? CachingEnabled { get; set; }
}
