using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>A document returned by a custom knowledge base.</summary>
public sealed class KnowledgeBaseDocument
{
    /// <summary>The text the model reads.</summary>
    [JsonPropertyName("content")]
    public string Content { get; set; } = string.Empty;

    /// <summary>How relevant the document is, from 0 (not at all) to 1.</summary>
    [JsonPropertyName("similarity")]
    public double Similarity { get; set; }

    /// <summary>An optional id for the document.</summary>
    [JsonPropertyName("uuid")]
    public string? Uuid { get; set; }
}
