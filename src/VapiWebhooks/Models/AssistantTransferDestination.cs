using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Transfer to another assistant of the squad (<c>type: assistant</c>).</summary>
public sealed class AssistantTransferDestination : TransferDestination
{
    /// <summary>Creates an assistant destination.</summary>
    public AssistantTransferDestination() => Type = "assistant";

    /// <summary>The name of the assistant to transfer to.</summary>
    [JsonPropertyName("assistantName")]
    public string? AssistantName { get; set; }

    /// <summary>What happens to the conversation history (<c>rolling-history</c>, <c>delete-history</c>...).</summary>
    [JsonPropertyName("transferMode")]
    public string? TransferMode { get; set; }
}
