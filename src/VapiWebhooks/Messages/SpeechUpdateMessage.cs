using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>Someone started or stopped speaking.</summary>
public sealed class SpeechUpdateMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public SpeechUpdateMessage() => Type = ServerMessageTypes.SpeechUpdate;

    /// <summary><c>started</c> or <c>stopped</c>.</summary>
    [JsonPropertyName("status")]
    public SpeechStatus? Status { get; set; }

    /// <summary>Who is speaking: <c>assistant</c> or <c>user</c>.</summary>
    [JsonPropertyName("role")]
    public ConversationRole? Role { get; set; }

    /// <summary>The turn number.</summary>
    [JsonPropertyName("turn")]
    public double? Turn { get; set; }
}
