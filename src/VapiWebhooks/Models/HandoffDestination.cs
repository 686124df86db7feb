using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Where a squad hands a call off to (the <c>destination</c> of a handoff reply).</summary>
public sealed class HandoffDestination : VapiObject
{
    /// <summary>The destination type: <c>assistant</c>, <c>squad</c> or <c>dynamic</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    /// <summary>The name of the assistant to hand off to.</summary>
    [JsonPropertyName("assistantName")]
    public string? AssistantName { get; set; }

    /// <summary>The id of the saved assistant to hand off to.</summary>
    [JsonPropertyName("assistantId")]
    public string? AssistantId { get; set; }

    /// <summary>An inline assistant to hand off to.</summary>
    [JsonPropertyName("assistant")]
    public Assistant? Assistant { get; set; }

    /// <summary>A description of the destination, for the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }

    /// <summary>How much of the conversation the next assistant sees, as Vapi defines it.</summary>
    [JsonPropertyName("contextEngineeringPlan")]
    public JsonElement? ContextEngineeringPlan { get; set; }

    /// <summary>What to extract from the conversation into variables before the handoff.</summary>
    [JsonPropertyName("variableExtractionPlan")]
    public VariableExtractionPlan? VariableExtractionPlan { get; set; }

    /// <summary>The id of the saved squad to hand off to (<c>squad</c> destinations).</summary>
    [JsonPropertyName("squadId")]
    public string? SquadId { get; set; }

    /// <summary>The squad member to start with (<c>squad</c> destinations); the first member when not set.</summary>
    [JsonPropertyName("entryAssistantName")]
    public string? EntryAssistantName { get; set; }

    /// <summary>Where Vapi sends the <c>handoff-destination-request</c> (<c>dynamic</c> destinations).</summary>
    [JsonPropertyName("server")]
    public ServerConfig? Server { get; set; }

    /// <summary>A handoff to the named assistant of the squad.</summary>
    /// <param name="assistantName">The assistant's name.</param>
    /// <returns>The destination.</returns>
    public static HandoffDestination ToAssistant(string assistantName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assistantName);
        return new HandoffDestination { Type = "assistant", AssistantName = assistantName };
    }
}
