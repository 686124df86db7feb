using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A workflow node the call went through (<c>artifact.nodes[i]</c>).</summary>
public sealed class NodeArtifact : VapiObject
{
    /// <summary>The node's name.</summary>
    [JsonPropertyName("nodeName")]
    public string? NodeName { get; set; }

    /// <summary>What was said during the node.</summary>
    [JsonPropertyName("messages")]
    public IList<ConversationMessage>? Messages { get; set; }

    /// <summary>The variables the node extracted, as sent.</summary>
    [JsonPropertyName("variableValues")]
    public JsonElement? VariableValues { get; set; }
}
