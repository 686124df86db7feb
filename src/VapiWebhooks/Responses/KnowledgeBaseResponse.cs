using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Responses;

/// <summary>The reply to <c>knowledge-base-request</c>: documents for the model, and/or a message to speak directly.</summary>
public sealed class KnowledgeBaseResponse
{
    /// <summary>The documents, most relevant first.</summary>
    [JsonPropertyName("documents")]
    public IList<KnowledgeBaseDocument>? Documents { get; set; }

    /// <summary>A message spoken directly instead of asking the model (a <c>custom-message</c> object).</summary>
    [JsonPropertyName("message")]
    public JsonElement? Message { get; set; }

    /// <summary>A reply with the given documents.</summary>
    /// <param name="documents">The documents, most relevant first.</param>
    /// <returns>The reply.</returns>
    public static KnowledgeBaseResponse FromDocuments(params IEnumerable<KnowledgeBaseDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        return new() { Documents = [.. documents] };
    }

    /// <summary>A reply that speaks <paramref name="content"/> directly.</summary>
    /// <param name="content">What the assistant says.</param>
    /// <returns>The reply.</returns>
    public static KnowledgeBaseResponse Say(string content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(content);
        return new() { Message = SpokenMessage.From(content) };
    }

    /// <summary>A reply with no documents: the model answers on its own.</summary>
    /// <returns>The reply.</returns>
    public static KnowledgeBaseResponse Empty() => new() { Documents = [] };
}
