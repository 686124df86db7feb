using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A chat (text) conversation (<c>chat</c>), the counterpart of a call for chat assistants.</summary>
public sealed class Chat : VapiObject
{
    /// <summary>The chat id.</summary>
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    /// <summary>The organisation that owns the chat.</summary>
    [JsonPropertyName("orgId")]
    public string? OrgId { get; set; }

    /// <summary>The saved assistant serving the chat.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>The session the chat belongs to.</summary>
    [JsonPropertyName("sessionId")]
    public string? SessionId { get; set; }

    /// <summary>The chat's name.</summary>
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    /// <summary>The chat's input messages (string or list of messages), as sent.</summary>
    [JsonPropertyName("input")]
    public JsonElement? Input { get; set; }

    /// <summary>The chat's output messages, as sent.</summary>
    [JsonPropertyName("output")]
    public JsonElement? Output { get; set; }

    /// <summary>The total cost in USD.</summary>
    [JsonPropertyName("cost")]
    public decimal? Cost { get; set; }

    /// <summary>When the chat was created.</summary>
    [JsonPropertyName("createdAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? CreatedAt { get; set; }

    /// <summary>When the chat was last updated.</summary>
    [JsonPropertyName("updatedAt")]
    [JsonConverter(typeof(IsoDateTimeOffsetConverter))]
    public DateTimeOffset? UpdatedAt { get; set; }
}
