using System.Text.Json;
using VapiWebhooks.Models;

namespace VapiWebhooks.Serialization;

// The deferred parts of a message, one converter per place (the place names the part in errors).
// Chosen by measurement: in a real 9 KB tool-calls body the artifact and the inline assistant are two
// thirds of the typed reading time, and a tool handler rarely reads them (docs/benchmarks.md).

/// <summary><c>message.artifact</c>.</summary>
internal sealed class MessageArtifactJsonConverter() : DeferredJsonConverter<Artifact>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.artifact";
}

/// <summary><c>message.assistant</c>.</summary>
internal sealed class MessageAssistantJsonConverter() : DeferredJsonConverter<Assistant>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.assistant";
}

/// <summary><c>message.phoneNumber</c>.</summary>
internal sealed class MessagePhoneNumberJsonConverter() : DeferredJsonConverter<PhoneNumber>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.phoneNumber";
}

/// <summary><c>message.call.assistant</c>.</summary>
internal sealed class CallAssistantJsonConverter() : DeferredJsonConverter<Assistant>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.call.assistant";
}

/// <summary><c>message.call.assistantOverrides</c>.</summary>
internal sealed class CallAssistantOverridesJsonConverter() : DeferredJsonConverter<AssistantOverrides>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.call.assistantOverrides";
}

/// <summary><c>message.call.squad</c>.</summary>
internal sealed class CallSquadJsonConverter() : DeferredJsonConverter<Squad>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.call.squad";
}

/// <summary><c>message.call.squadOverrides</c>.</summary>
internal sealed class CallSquadOverridesJsonConverter() : DeferredJsonConverter<AssistantOverrides>(Path, JsonTokenType.StartObject)
{
    public const string Path = "$.message.call.squadOverrides";
}

/// <summary><c>message.toolCalls</c> (tool-calls only).</summary>
internal sealed class MessageToolCallsJsonConverter() : DeferredJsonConverter<IList<ToolCall>>(Path, JsonTokenType.StartArray)
{
    public const string Path = "$.message.toolCalls";
}

/// <summary><c>message.toolWithToolCallList[i].messages</c>: free-form JSON.</summary>
internal sealed class ToolMessagesJsonConverter() : DeferredJsonConverter<JsonElement>(Path, null)
{
    public const string Path = "$.message.toolWithToolCallList[].messages";
}

/// <summary><c>message.toolWithToolCallList[i].function.parameters</c>: free-form JSON.</summary>
internal sealed class ToolParametersJsonConverter() : DeferredJsonConverter<JsonElement>(Path, null)
{
    public const string Path = "$.message.toolWithToolCallList[].function.parameters";
}

/// <summary><c>message.messages</c> of an <c>end-of-call-report</c> (a legacy duplicate of the artifact's): most of a report's typed bytes.</summary>
internal sealed class EndOfCallReportMessagesJsonConverter() : DeferredJsonConverter<IList<ConversationMessage>>(Path, JsonTokenType.StartArray)
{
    public const string Path = "$.message.messages";
}

/// <summary><c>message.transcript</c> of an <c>end-of-call-report</c> (a legacy duplicate of the artifact's).</summary>
internal sealed class EndOfCallReportTranscriptJsonConverter() : DeferredJsonConverter<string>(Path, JsonTokenType.String)
{
    public const string Path = "$.message.transcript";
}

/// <summary><c>message.summary</c> of an <c>end-of-call-report</c> (a legacy duplicate of the analysis's).</summary>
internal sealed class EndOfCallReportSummaryJsonConverter() : DeferredJsonConverter<string>(Path, JsonTokenType.String)
{
    public const string Path = "$.message.summary";
}

/// <summary><c>message.recordingUrl</c> of an <c>end-of-call-report</c> (a legacy duplicate of the artifact's).</summary>
internal sealed class EndOfCallReportRecordingUrlJsonConverter() : DeferredJsonConverter<Uri>(Path, JsonTokenType.String)
{
    public const string Path = "$.message.recordingUrl";
}

/// <summary><c>message.stereoRecordingUrl</c> of an <c>end-of-call-report</c> (a legacy duplicate of the artifact's).</summary>
internal sealed class EndOfCallReportStereoRecordingUrlJsonConverter() : DeferredJsonConverter<Uri>(Path, JsonTokenType.String)
{
    public const string Path = "$.message.stereoRecordingUrl";
}
