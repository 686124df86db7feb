using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The Vapi phone number a call came in on or went out from (<c>phoneNumber</c>).</summary>
public sealed class PhoneNumber : VapiObject
{
    /// <summary>The phone number's id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The organisation that owns the number.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; set; }

    /// <summary>The number in E.164 form.</summary>
    [JsonPropertyName("number")]
    public string? Number { get; set; }

    /// <summary>The number's provider (for example <c>twilio</c>, <c>vonage</c>, <c>vapi</c>, <c>byo-phone-number</c>).</summary>
    [JsonPropertyName("provider")]
    public string? Provider { get; set; }

    /// <summary>The name given to the number.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The assistant the number routes to, if fixed.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>The squad the number routes to, if fixed.</summary>
    [JsonPropertyName("squadId")]
    public string? SquadId { get; set; }

    /// <summary>When the number was created.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the number was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}
