using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The transcriber detected that the caller switched language.</summary>
public sealed class LanguageChangeDetectedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public LanguageChangeDetectedMessage() => Type = ServerMessageTypes.LanguageChangeDetected;

    /// <summary>The language now spoken, for example <c>es</c>.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }
}
