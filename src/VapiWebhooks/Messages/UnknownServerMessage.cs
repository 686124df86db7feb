using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>
/// A message whose <see cref="ServerMessage.Type"/> this library does not know yet (Vapi adds types over time).
/// The common properties are read as for any message, and <see cref="RawJson"/> keeps the whole object.
/// </summary>
public sealed class UnknownServerMessage : ServerMessage, IRawJson
{
    /// <summary>The message object exactly as sent.</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; set; }
}
