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
}
