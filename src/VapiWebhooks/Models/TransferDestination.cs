using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>
/// Where a call is transferred, polymorphic by <c>type</c>: <see cref="NumberTransferDestination"/>,
/// <see cref="SipTransferDestination"/>, <see cref="AssistantTransferDestination"/>, or
/// <see cref="UnknownTransferDestination"/> for a type this library does not know.
/// </summary>
[JsonConverter(typeof(TransferDestinationConverter))]
public abstract class TransferDestination : VapiObject
{
    /// <summary>The destination type (<c>number</c>, <c>sip</c>, <c>assistant</c>).</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type { get; set; } = string.Empty;

    /// <summary>What the assistant says before transferring: a string or a custom message object, as sent.</summary>
    [JsonPropertyName("message")]
    public JsonElement? Message { get; set; }

    /// <summary>A description of the destination, for the model.</summary>
    [JsonPropertyName("description")]
    public string? Description { get; set; }
}
