using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The call a message belongs to (<c>message.call</c>).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Justification = "Vapi calls it a call; VB callers can escape the name.")]
public sealed class Call : VapiObject
{
    private DeferredJson<Assistant>? _assistant;
    private DeferredJson<AssistantOverrides>? _assistantOverrides;
    private DeferredJson<Squad>? _squad;
    private DeferredJson<AssistantOverrides>? _squadOverrides;

    /// <summary>The call id: the key for everything about one call.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The organisation that owns the call.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; set; }

    /// <summary>Inbound or outbound phone call, web call, or websocket call.</summary>
    [JsonPropertyName("type")]
    public CallType? Type { get; set; }

    /// <summary>The call's status when the message was sent.</summary>
    [JsonPropertyName("status")]
    public CallStatus? Status { get; set; }

    /// <summary>Why the call ended, once it has.</summary>
    [JsonPropertyName("endedReason")]
    public EndedReason? EndedReason { get; set; }

    /// <summary>The telephony provider (for example <c>twilio</c>, <c>vonage</c>, <c>vapi</c>).</summary>
    [JsonPropertyName("phoneCallProvider")]
    public string? PhoneCallProvider { get; set; }

    /// <summary>The provider's own id for the call (for example a Twilio call SID).</summary>
    [JsonPropertyName("phoneCallProviderId")]
    public string? PhoneCallProviderId { get; set; }

    /// <summary>How the call is carried (<c>pstn</c> or <c>sip</c>).</summary>
    [JsonPropertyName("phoneCallTransport")]
    public string? PhoneCallTransport { get; set; }

    /// <summary>The Vapi phone number the call uses.</summary>
    [JsonPropertyName("phoneNumberId")]
    public string? PhoneNumberId { get; set; }

    /// <summary>The saved customer, when the call references one.</summary>
    [JsonPropertyName("customerId")]
    public string? CustomerId { get; set; }

    /// <summary>The customer on the other end.</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; set; }

    /// <summary>The saved assistant serving the call, when one is used.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>The inline (transient) assistant, when one is used.</summary>
    /// <remarks>Read on first access (a tool call that never looks at it does not pay for it); a part that does not match the model throws a <see cref="System.Text.Json.JsonException"/> naming its path then.</remarks>
    [JsonIgnore]
    public Assistant? Assistant
    {
        get => _assistant?.GetValue(VapiJsonContext.Default.Assistant);
        set => _assistant = value is { } typed ? DeferredJson<Assistant>.FromValue(CallAssistantJsonConverter.Path, typed) : null;
    }

    // Typed object so that the public source-generated context needs no metadata for an internal type.
    [JsonInclude]
    [JsonPropertyName("assistant")]
    [JsonConverter(typeof(CallAssistantJsonConverter))]
    internal object? AssistantJson
    {
        get => _assistant;
        set => _assistant = (DeferredJson<Assistant>?)value;
    }

    /// <summary>Overrides applied to the assistant for this call (the same type an <c>assistant-request</c> reply sends).</summary>
    /// <remarks>Read on first access, like <see cref="Assistant"/>.</remarks>
    [JsonIgnore]
    public AssistantOverrides? AssistantOverrides
    {
        get => _assistantOverrides?.GetValue(VapiJsonContext.Default.AssistantOverrides);
        set => _assistantOverrides = value is { } typed ? DeferredJson<AssistantOverrides>.FromValue(CallAssistantOverridesJsonConverter.Path, typed) : null;
    }

    [JsonInclude]
    [JsonPropertyName("assistantOverrides")]
    [JsonConverter(typeof(CallAssistantOverridesJsonConverter))]
    internal object? AssistantOverridesJson
    {
        get => _assistantOverrides;
        set => _assistantOverrides = (DeferredJson<AssistantOverrides>?)value;
    }

    /// <summary>The inline (transient) squad serving the call, when one is used (the type an <c>assistant-request</c> reply sends).</summary>
    /// <remarks>Read on first access, like <see cref="Assistant"/>.</remarks>
    [JsonIgnore]
    public Squad? Squad
    {
        get => _squad?.GetValue(VapiJsonContext.Default.Squad);
        set => _squad = value is { } typed ? DeferredJson<Squad>.FromValue(CallSquadJsonConverter.Path, typed) : null;
    }

    [JsonInclude]
    [JsonPropertyName("squad")]
    [JsonConverter(typeof(CallSquadJsonConverter))]
    internal object? SquadJson
    {
        get => _squad;
        set => _squad = (DeferredJson<Squad>?)value;
    }

    /// <summary>Overrides applied to every member of the squad for this call.</summary>
    /// <remarks>Read on first access, like <see cref="Assistant"/>.</remarks>
    [JsonIgnore]
    public AssistantOverrides? SquadOverrides
    {
        get => _squadOverrides?.GetValue(VapiJsonContext.Default.AssistantOverrides);
        set => _squadOverrides = value is { } typed ? DeferredJson<AssistantOverrides>.FromValue(CallSquadOverridesJsonConverter.Path, typed) : null;
    }

    [JsonInclude]
    [JsonPropertyName("squadOverrides")]
    [JsonConverter(typeof(CallSquadOverridesJsonConverter))]
    internal object? SquadOverridesJson
    {
        get => _squadOverrides;
        set => _squadOverrides = (DeferredJson<AssistantOverrides>?)value;
    }

    /// <summary>The saved squad serving the call, when one is used.</summary>
    [JsonPropertyName("squadId")]
    public string? SquadId { get; set; }

    /// <summary>The saved workflow serving the call, when one is used.</summary>
    [JsonPropertyName("workflowId")]
    public string? WorkflowId { get; set; }

    /// <summary>The campaign that placed the call, for campaign calls.</summary>
    [JsonPropertyName("campaignId")]
    public string? CampaignId { get; set; }

    /// <summary>URLs to listen to and control the live call.</summary>
    [JsonPropertyName("monitor")]
    public CallMonitor? Monitor { get; set; }

    /// <summary>When the call was created.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the call was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>When the call started.</summary>
    [JsonPropertyName("startedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? StartedAt { get; set; }

    /// <summary>When the call ended.</summary>
    [JsonPropertyName("endedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>The total cost of the call in USD.</summary>
    [JsonPropertyName("cost")]
    public decimal? Cost { get; set; }

    /// <summary>The cost of the call, item by item.</summary>
    [JsonPropertyName("costs")]
    public IList<CallCost>? Costs { get; set; }

    /// <summary>The call's name, when one was given.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
