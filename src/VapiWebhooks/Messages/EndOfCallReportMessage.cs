using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The call ended. Carries the artifact (transcript, recordings), the analysis and the cost. Older traffic also carries top-level duplicates such as <see cref="Transcript"/> and <see cref="Summary"/>.</summary>
public sealed class EndOfCallReportMessage : ServerMessage
{
    private DeferredJson<string>? _transcript;
    private DeferredJson<string>? _summary;
    private DeferredJson<IList<ConversationMessage>>? _messages;
    private DeferredJson<Uri>? _recordingUrl;
    private DeferredJson<Uri>? _stereoRecordingUrl;

    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public EndOfCallReportMessage() => Type = ServerMessageTypes.EndOfCallReport;

    /// <summary>Why the call ended.</summary>
    [JsonPropertyName("endedReason")]
    public EndedReason? EndedReason { get; set; }

    /// <summary>The total cost in USD.</summary>
    [JsonPropertyName("cost")]
    public decimal? Cost { get; set; }

    /// <summary>The cost, item by item.</summary>
    [JsonPropertyName("costs")]
    public IList<CallCost>? Costs { get; set; }

    /// <summary>Where the call was transferred, if it was.</summary>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination { get; set; }

    /// <summary>The post-call analysis (summary, structured data, success evaluation).</summary>
    [JsonPropertyName("analysis")]
    public Analysis? Analysis { get; set; }

    /// <summary>When the call started.</summary>
    [JsonPropertyName("startedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("endedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Compliance information (recording consent...), as sent.</summary>
    [JsonPropertyName("compliance")]
    public JsonElement? Compliance { get; set; }

    /// <summary>Legacy duplicate of <c>artifact.transcript</c> that older traffic carries at the top level.</summary>
    /// <remarks>Read on first access (a handler that never looks at it does not pay for it); a value that does not match the type throws a <see cref="JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public string? Transcript
    {
        get => _transcript?.GetValue(VapiJsonContext.Default.String);
        set => _transcript = value is { } typed ? DeferredJson<string>.FromValue(EndOfCallReportTranscriptJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("transcript")]
    [JsonConverter(typeof(EndOfCallReportTranscriptJsonConverter))]
    internal object? TranscriptJson
    {
        get => _transcript;
        set => _transcript = (DeferredJson<string>?)value;
    }

    /// <summary>Legacy duplicate of <c>analysis.summary</c>.</summary>
    /// <remarks>Read on first access (a handler that never looks at it does not pay for it); a value that does not match the type throws a <see cref="JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public string? Summary
    {
        get => _summary?.GetValue(VapiJsonContext.Default.String);
        set => _summary = value is { } typed ? DeferredJson<string>.FromValue(EndOfCallReportSummaryJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("summary")]
    [JsonConverter(typeof(EndOfCallReportSummaryJsonConverter))]
    internal object? SummaryJson
    {
        get => _summary;
        set => _summary = (DeferredJson<string>?)value;
    }

    /// <summary>Legacy duplicate of <c>artifact.messages</c>.</summary>
    /// <remarks>Read on first access (a handler that never looks at it does not pay for the whole conversation); a part that does not match the model throws a <see cref="JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public IList<ConversationMessage>? Messages
    {
        get => _messages?.GetValue(VapiJsonContext.Default.IListConversationMessage);
        set => _messages = value is { } typed ? DeferredJson<IList<ConversationMessage>>.FromValue(EndOfCallReportMessagesJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("messages")]
    [JsonConverter(typeof(EndOfCallReportMessagesJsonConverter))]
    internal object? MessagesJson
    {
        get => _messages;
        set => _messages = (DeferredJson<IList<ConversationMessage>>?)value;
    }

    /// <summary>Legacy duplicate of <c>artifact.recordingUrl</c>.</summary>
    /// <remarks>Read on first access (a handler that never looks at it does not pay for it); a value that does not match the type throws a <see cref="JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public Uri? RecordingUrl
    {
        get => _recordingUrl?.GetValue(VapiJsonContext.Default.Uri);
        set => _recordingUrl = value is { } typed ? DeferredJson<Uri>.FromValue(EndOfCallReportRecordingUrlJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("recordingUrl")]
    [JsonConverter(typeof(EndOfCallReportRecordingUrlJsonConverter))]
    internal object? RecordingUrlJson
    {
        get => _recordingUrl;
        set => _recordingUrl = (DeferredJson<Uri>?)value;
    }

    /// <summary>Legacy duplicate of <c>artifact.stereoRecordingUrl</c>.</summary>
    /// <remarks>Read on first access (a handler that never looks at it does not pay for it); a value that does not match the type throws a <see cref="JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public Uri? StereoRecordingUrl
    {
        get => _stereoRecordingUrl?.GetValue(VapiJsonContext.Default.Uri);
        set => _stereoRecordingUrl = value is { } typed ? DeferredJson<Uri>.FromValue(EndOfCallReportStereoRecordingUrlJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("stereoRecordingUrl")]
    [JsonConverter(typeof(EndOfCallReportStereoRecordingUrlJsonConverter))]
    internal object? StereoRecordingUrlJson
    {
        get => _stereoRecordingUrl;
        set => _stereoRecordingUrl = (DeferredJson<Uri>?)value;
    }

    /// <summary>How long the call lasted, in seconds (legacy top-level field).</summary>
    [JsonPropertyName("durationSeconds")]
    public double? DurationSeconds { get; set; }
}
