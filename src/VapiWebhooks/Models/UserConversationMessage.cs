using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>What the user said (<c>role: user</c>).</summary>
public sealed class UserConversationMessage : ConversationMessage
{
    /// <summary>The transcribed text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>When the user stopped speaking, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("endTime")]
    public double? EndTime { get; set; }

    /// <summary>How long the user spoke, in milliseconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; set; }

    /// <summary>Whether the message was filtered for security threats.</summary>
    [JsonPropertyName("isFiltered")]
    public bool? IsFiltered { get; set; }

    /// <summary>The threats detected, when filtered.</summary>
    [JsonPropertyName("detectedThreats")]
    public IList<string>? DetectedThreats { get; set; }

    /// <summary>The text before filtering.</summary>
    [JsonPropertyName("originalMessage")]
    public string? OriginalMessage { get; set; }

    /// <summary>The speaker label from diarisation.</summary>
    [JsonPropertyName("speakerLabel")]
    public string? SpeakerLabel { get; set; }

    /// <summary>Vapi's metadata for the message, as sent.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; set; }
}
