using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The person on the other end of the call (<c>customer</c>).</summary>
public sealed class Customer : VapiObject
{
    /// <summary>The customer's phone number in E.164 form, for example <c>+14155550123</c>.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>The customer's SIP URI, for SIP calls.</summary>
    [JsonPropertyName("sipUri")]
    public string? SipUri { get; set; }

    /// <summary>The customer's name, when known.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The customer's email address, when known.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>The id of the customer in the caller's own system.</summary>
    [JsonPropertyName("externalId")]
    public string? ExternalId { get; set; }

    /// <summary>The extension to dial after the number connects.</summary>
    [JsonPropertyName("extension")]
    public string? Extension { get; set; }

    /// <summary>Assistant overrides tied to this customer.</summary>
    [JsonPropertyName("assistantOverrides")]
    public JsonElement? AssistantOverrides { get; set; }
}
