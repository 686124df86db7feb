using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>A partial or final transcript of what someone said. The type may also arrive as <c>transcript[transcriptType="final"]</c>.</summary>
public sealed class TranscriptMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public TranscriptMessage() => Type = ServerMessageTypes.Transcript;

    /// <summary>Who spoke: <c>assistant</c> or <c>user</c>.</summary>
    [JsonPropertyName("role")]
    public ConversationRole? Role { get; set; }

    /// <summary><c>partial</c> or <c>final</c>.</summary>
    [JsonPropertyName("transcriptType")]
    public TranscriptType? TranscriptType { get; set; }

    /// <summary>The text.</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; set; }

    /// <summary>Whether the transcript was filtered for security threats.</summary>
    [JsonPropertyName("isFiltered")]
    public bool? IsFiltered { get; set; }

    /// <summary>The threats detected, when filtered.</summary>
    [JsonPropertyName("detectedThreats")]
    public IList<string>? DetectedThreats { get; set; }

    /// <summary>The text before filtering.</summary>
    [JsonPropertyName("originalTranscript")]
    public string? OriginalTranscript { get; set; }

    /// <summary>The id of the assistant that said it (assistant turns in a squad or after a handoff).</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>The name of the assistant that said it (assistant turns in a squad or after a handoff).</summary>
    [JsonPropertyName("assistantName")]
    public string? AssistantName { get; set; }
}
