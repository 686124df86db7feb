using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>What a call produced: its conversation, transcript, recordings and structured outputs (<c>artifact</c>).</summary>
public sealed class Artifact : VapiObject
{
    /// <summary>The conversation so far, one entry per turn, tool call and tool result.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }

    /// <summary>The conversation in OpenAI chat format.</summary>
    [JsonPropertyName("messagesOpenAIFormatted")]
    public IList<OpenAIMessage>? MessagesOpenAIFormatted { get; set; }

    /// <summary>The transcript as plain text (<c>AI: ...</c> / <c>User: ...</c> lines).</summary>
    [JsonPropertyName("transcript")]
    public string? Transcript { get; set; }

    /// <summary>The mono recording.</summary>
    [JsonPropertyName("recordingUrl")]
    public Uri? RecordingUrl { get; set; }

    /// <summary>The stereo recording (one channel per party).</summary>
    [JsonPropertyName("stereoRecordingUrl")]
    public Uri? StereoRecordingUrl { get; set; }

    /// <summary>The video recording, for video calls.</summary>
    [JsonPropertyName("videoRecordingUrl")]
    public Uri? VideoRecordingUrl { get; set; }

    /// <summary>The recording details (mono, stereo, per-party URLs), as sent.</summary>
    [JsonPropertyName("recording")]
    public JsonElement? Recording { get; set; }

    /// <summary>A packet capture of the SIP call, when enabled.</summary>
    [JsonPropertyName("pcapUrl")]
    public Uri? PcapUrl { get; set; }

    /// <summary>The call's log file.</summary>
    [JsonPropertyName("logUrl")]
    public Uri? LogUrl { get; set; }

    /// <summary>The variable values the call ended with.</summary>
    [JsonPropertyName("variableValues")]
    public JsonElement? VariableValues { get; set; }

    /// <summary>Structured outputs, keyed by output id, as sent.</summary>
    [JsonPropertyName("structuredOutputs")]
    public JsonElement? StructuredOutputs { get; set; }

    /// <summary>Latency and turn metrics, as sent.</summary>
    [JsonPropertyName("performanceMetrics")]
    public JsonElement? PerformanceMetrics { get; set; }

    /// <summary>When the structured outputs were last updated.</summary>
    [JsonPropertyName("structuredOutputsLastUpdatedAt")]
    [JsonConverter(typeof(Serialization.IsoDateTimeOffsetConverter))]
    public DateTimeOffset? StructuredOutputsLastUpdatedAt { get; set; }

    /// <summary>How long after the call started the video recording started, in milliseconds.</summary>
    [JsonPropertyName("videoRecordingStartDelaySeconds")]
    public double? VideoRecordingStartDelaySeconds { get; set; }

    /// <summary>The mono recording, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedMonoUrl")]
    public Uri? PresignedMonoUrl { get; set; }

    /// <summary>The stereo recording, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedStereoUrl")]
    public Uri? PresignedStereoUrl { get; set; }

    /// <summary>The video recording, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedVideoUrl")]
    public Uri? PresignedVideoUrl { get; set; }

    /// <summary>The assistant's channel as a mono recording, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedAssistantUrl")]
    public Uri? PresignedAssistantUrl { get; set; }

    /// <summary>The customer's channel as a mono recording, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedCustomerUrl")]
    public Uri? PresignedCustomerUrl { get; set; }

    /// <summary>The packet capture, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedPcapUrl")]
    public Uri? PresignedPcapUrl { get; set; }

    /// <summary>The call logs, downloadable without authentication until <see cref="PresignedUrlsExpiresAt"/>.</summary>
    [JsonPropertyName("presignedLogUrl")]
    public Uri? PresignedLogUrl { get; set; }

    /// <summary>When the presigned URLs expire; the plain <c>*Url</c> fields need authentication but do not expire.</summary>
    [JsonPropertyName("presignedUrlsExpiresAt")]
    [JsonConverter(typeof(Serialization.IsoDateTimeOffsetConverter))]
    public DateTimeOffset? PresignedUrlsExpiresAt { get; set; }

    /// <summary>The call's transfer attempts, warm and blind.</summary>
    [JsonPropertyName("transfers")]
    public IList<TransferArtifact>? Transfers { get; set; }

    /// <summary>The assistants that were active during the call, in order, transfers and handoffs included.</summary>
    [JsonPropertyName("assistantActivations")]
    public IList<AssistantActivation>? AssistantActivations { get; set; }

    /// <summary>The workflow nodes the call went through.</summary>
    [JsonPropertyName("nodes")]
    public IList<NodeArtifact>? Nodes { get; set; }

    /// <summary>The scorecards evaluated from the structured outputs, keyed by scorecard id, as sent (Vapi publishes no schema for their values).</summary>
    [JsonPropertyName("scorecards")]
    public JsonElement? Scorecards { get; set; }

    /// <summary>Structured outputs skipped because their conditions were not met, keyed by output id.</summary>
    [JsonPropertyName("skippedStructuredOutputs")]
    public IDictionary<string, SkippedStructuredOutput>? SkippedStructuredOutputs { get; set; }
}
