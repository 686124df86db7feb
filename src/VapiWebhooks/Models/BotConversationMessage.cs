using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>What the assistant said (<c>role: bot</c>, or <c>assistant</c> in some traffic).</summary>
public sealed class BotConversationMessage : ConversationMessage
{
    /// <summary>The spoken text.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; set; }

    /// <summary>When the assistant stopped speaking, in milliseconds since the Unix epoch.</summary>
    [JsonPropertyName("endTime")]
    public double? EndTime { get; set; }

    /// <summary>How long the assistant spoke, in milliseconds.</summary>
    [JsonPropertyName("duration")]
    public double? Duration { get; set; }

    /// <summary>Where the text came from (for example <c>model</c> or <c>force-say</c>).</summary>
    [JsonPropertyName("source")]
    public string? Source { get; set; }

    /// <summary>The name of the assistant that spoke, in squads.</summary>
    [JsonPropertyName("assistantName")]
    public string? AssistantName { get; set; }

    /// <summary>The id of the assistant that spoke, in squads.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }
}
