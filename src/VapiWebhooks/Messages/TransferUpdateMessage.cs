using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>A transfer happened.</summary>
public sealed class TransferUpdateMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public TransferUpdateMessage() => Type = ServerMessageTypes.TransferUpdate;

    /// <summary>Where the call went.</summary>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination { get; set; }

    /// <summary>The assistant the call went to, in squads.</summary>
    [JsonPropertyName("toAssistant")]
    public Assistant? ToAssistant { get; set; }

    /// <summary>The assistant the call came from, in squads.</summary>
    [JsonPropertyName("fromAssistant")]
    public Assistant? FromAssistant { get; set; }

    /// <summary>The workflow step the call went to, as sent.</summary>
    [JsonPropertyName("toStepRecord")]
    public JsonElement? ToStepRecord { get; set; }

    /// <summary>The workflow step the call came from, as sent.</summary>
    [JsonPropertyName("fromStepRecord")]
    public JsonElement? FromStepRecord { get; set; }
}
