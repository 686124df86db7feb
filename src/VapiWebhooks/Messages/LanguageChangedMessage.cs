using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The language changed (<c>language-changed</c>; sent by Vapi, not in its schema).</summary>
public sealed class LanguageChangedMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public LanguageChangedMessage() => Type = ServerMessageTypes.LanguageChanged;

    /// <summary>The new language.</summary>
    [JsonPropertyName("language")]
    public string? Language { get; set; }
}
