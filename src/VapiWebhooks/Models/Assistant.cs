using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>
/// An assistant's configuration: what a message carries in <c>assistant</c> and what an
/// <c>assistant-request</c> reply may return inline. The commonly used settings are typed; everything else
/// Vapi defines round-trips through <see cref="VapiObject.ExtensionData"/>.
/// </summary>
public sealed class Assistant : VapiObject
{
    /// <summary>The assistant's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>What the assistant says first.</summary>
    [JsonPropertyName("firstMessage")]
    public string? FirstMessage { get; set; }

    /// <summary>Who speaks first (<c>assistant-speaks-first</c>, <c>assistant-waits-for-user</c>...).</summary>
    [JsonPropertyName("firstMessageMode")]
    public string? FirstMessageMode { get; set; }

    /// <summary>The language model, its prompt messages and tools.</summary>
    [JsonPropertyName("model")]
    public AssistantModel? Model { get; set; }

    /// <summary>The voice (text-to-speech) settings.</summary>
    [JsonPropertyName("voice")]
    public AssistantVoice? Voice { get; set; }

    /// <summary>The transcriber (speech-to-text) settings.</summary>
    [JsonPropertyName("transcriber")]
    public AssistantTranscriber? Transcriber { get; set; }

    /// <summary>Where this assistant's server messages go.</summary>
    [JsonPropertyName("server")]
    public ServerConfig? Server { get; set; }

    /// <summary>
    /// The message types sent to the server. An inline assistant receives only these: leave out
    /// <c>end-of-call-report</c> and the report never arrives.
    /// </summary>
    [JsonPropertyName("serverMessages")]
    public IList<string>? ServerMessages { get; set; }

    /// <summary>The message types sent to the client SDKs.</summary>
    [JsonPropertyName("clientMessages")]
    public IList<string>? ClientMessages { get; set; }

    /// <summary>What the assistant says when it ends the call.</summary>
    [JsonPropertyName("endCallMessage")]
    public string? EndCallMessage { get; set; }

    /// <summary>Phrases that end the call when the assistant says them.</summary>
    [JsonPropertyName("endCallPhrases")]
    public IList<string>? EndCallPhrases { get; set; }

    /// <summary>Seconds of silence before the call ends.</summary>
    [JsonPropertyName("silenceTimeoutSeconds")]
    public double? SilenceTimeoutSeconds { get; set; }

    /// <summary>The longest the call may last, in seconds.</summary>
    [JsonPropertyName("maxDurationSeconds")]
    public double? MaxDurationSeconds { get; set; }

    /// <summary>Your own data, returned in every message about calls with this assistant.</summary>
    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; set; }

    /// <summary>Values for <c>{{variables}}</c> in prompts and messages (only as an override in replies).</summary>
    [JsonPropertyName("variableValues")]
    public JsonElement? VariableValues { get; set; }
}
