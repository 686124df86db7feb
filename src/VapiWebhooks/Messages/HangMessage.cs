using System.Text.Json.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>The assistant has not answered for about five seconds.</summary>
public sealed class HangMessage : ServerMessage
{
    /// <summary>Creates the message with its <see cref="ServerMessage.Type"/> set.</summary>
    public HangMessage() => Type = ServerMessageTypes.Hang;
}
