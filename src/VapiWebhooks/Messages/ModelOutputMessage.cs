using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>A chunk of the model's output.</summary>
public sealed class ModelOutputMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public ModelOutputMessage() => Type = ServerMessageTypes.ModelOutput;

    /// <summary>The turn the output belongs to.</summary>
    [JsonPropertyName("turnId")]
    public string? TurnId { get; set; }

    /// <summary>The output, as sent.</summary>
    [JsonPropertyName("output")]
    public JsonElement? Output { get; set; }
}
