using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Messages;

/// <summary>The server is asked to control the phone call itself (forward or hang up).</summary>
public sealed class PhoneCallControlMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public PhoneCallControlMessage() => Type = ServerMessageTypes.PhoneCallControl;

    /// <summary><c>forward</c> or <c>hang-up</c>.</summary>
    [JsonPropertyName("request")]
    public string? Request { get; set; }

    /// <summary>Where to forward the call.</summary>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination { get; set; }
}
