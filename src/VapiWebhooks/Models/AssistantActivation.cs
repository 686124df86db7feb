using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>An assistant that was active during the call (<c>artifact.assistantActivations[i]</c>), in order, transfers and handoffs included.</summary>
public sealed class AssistantActivation : VapiObject
{
    /// <summary>The assistant's id.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>The assistant's name.</summary>
    [JsonPropertyName("assistantName")]
    public string? AssistantName { get; set; }

    /// <summary>The assistant's version label (such as <c>v3</c>) when it became active.</summary>
    [JsonPropertyName("assistantVersion")]
    public string? AssistantVersion { get; set; }
}
