using System.Text.Json.Serialization;
using VapiWebhooks.Models;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>
/// A message Vapi posts to a server URL (the <c>message</c> of <c>{"message": {...}}</c>).
/// One sealed subclass exists per message type; <see cref="UnknownServerMessage"/> carries types this
/// library does not know yet.
/// </summary>
/// <remarks>
/// Everything Vapi sends that has no typed property is kept in <see cref="VapiObject.ExtensionData"/>, so
/// re-serialising a message loses nothing.
/// </remarks>
[JsonConverter(typeof(ServerMessageConverter))]
public abstract class ServerMessage : VapiObject
{
    private DeferredJson<Assistant>? _assistant;
    private DeferredJson<PhoneNumber>? _phoneNumber;
    private DeferredJson<Artifact>? _artifact;

    /// <summary>The wire type string, for example <c>tool-calls</c> (see <see cref="ServerMessageTypes"/>).</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; set; } = string.Empty;

    /// <summary>When Vapi sent the message. Arrives as milliseconds since the epoch or, in older traffic, an ISO-8601 string.</summary>
    [JsonPropertyName("timestamp")]
    public VapiTimestamp? Timestamp { get; set; }

    /// <summary>The call the message belongs to (absent for chat-only messages).</summary>
    [JsonPropertyName("call")]
    public Call? Call { get; set; }

    /// <summary>The assistant the message is associated with.</summary>
    /// <remarks>Read on first access (a tool call that never looks at it does not pay for it); a part that does not match the model throws a <see cref="System.Text.Json.JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public Assistant? Assistant
    {
        get => _assistant?.GetValue(VapiJsonContext.Default.Assistant);
        set => _assistant = value is { } typed ? DeferredJson<Assistant>.FromValue(MessageAssistantJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("assistant")]
    [JsonConverter(typeof(MessageAssistantJsonConverter))]
    internal object? AssistantJson
    {
        get => _assistant;
        set => _assistant = (DeferredJson<Assistant>?)value;
    }

    /// <summary>The customer (caller or callee) the message is associated with.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The phone number the call came in on or went out from.</summary>
    /// <remarks>Read on first access (a tool call that never looks at it does not pay for it); a part that does not match the model throws a <see cref="System.Text.Json.JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public PhoneNumber? PhoneNumber
    {
        get => _phoneNumber?.GetValue(VapiJsonContext.Default.PhoneNumber);
        set => _phoneNumber = value is { } typed ? DeferredJson<PhoneNumber>.FromValue(MessagePhoneNumberJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("phoneNumber")]
    [JsonConverter(typeof(MessagePhoneNumberJsonConverter))]
    internal object? PhoneNumberJson
    {
        get => _phoneNumber;
        set => _phoneNumber = (DeferredJson<PhoneNumber>?)value;
    }

    /// <summary>A live view of the call's artifact (messages, transcript, recordings).</summary>
    /// <remarks>Read on first access (a tool call that never looks at it does not pay for it); a part that does not match the model throws a <see cref="System.Text.Json.JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public Artifact? Artifact
    {
        get => _artifact?.GetValue(VapiJsonContext.Default.Artifact);
        set => _artifact = value is { } typed ? DeferredJson<Artifact>.FromValue(MessageArtifactJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("artifact")]
    [JsonConverter(typeof(MessageArtifactJsonConverter))]
    internal object? ArtifactJson
    {
        get => _artifact;
        set => _artifact = (DeferredJson<Artifact>?)value;
    }

    /// <summary>The chat the message belongs to, for chat (not call) conversations.</summary>
    [JsonPropertyName("chat")]
    public Chat? Chat { get; set; }

    /// <summary>The version label of the assistant (for example <c>v3</c>); null for inline assistants.</summary>
    [JsonPropertyName("assistantVersion")]
    public string? AssistantVersion { get; set; }

    /// <summary>The call id (<c>call.id</c>), or null when the message has no call.</summary>
    [JsonIgnore]
    public string? CallId => Call?.Id;

    // The request's pooled body this message's deferred parts are slices of; null when it owns its bytes.
    [JsonIgnore]
    internal MessageBuffer? RequestBuffer { get; set; }

    /// <summary>
    /// Lets this message outlive its HTTP request: call it before keeping the message beyond the handler (a queue,
    /// a background task, a field). Cheap to call more than once, and a no-op for a message that owns its bytes.
    /// </summary>
    /// <remarks>
    /// The endpoint reads the body into a pooled buffer, and the parts of the message read on first access
    /// (<see cref="Artifact"/>, <see cref="Assistant"/>, <see cref="PhoneNumber"/>, the call's assistant and squad,
    /// a tool's messages and parameter schema, the legacy tool calls, an end-of-call report's legacy messages,
    /// transcript, summary and recording URLs) stay slices of it, so a part nobody reads
    /// costs no copy. The buffer goes back to its pool when the request ends; from then on such a part that was
    /// never read throws an <see cref="InvalidOperationException"/> (it never reads another request's bytes).
    /// This method copies the body once, so that every part stays readable. Everything else on the message (its
    /// type, call, customer, tool calls, and any part read during the request) is always safe to keep. The library
    /// detaches a message itself when it hands it on beyond the request: to an async tool runner, or when a handler
    /// is still running after its deadline or after Vapi hung up.
    /// </remarks>
    public void DetachFromRequest() => RequestBuffer?.Detach();
}
