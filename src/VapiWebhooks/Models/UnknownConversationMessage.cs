using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A conversation entry with a role this library does not know; <see cref="RawJson"/> keeps it whole.</summary>
public sealed class UnknownConversationMessage : ConversationMessage, IRawJson
{
    /// <summary>The entry exactly as sent.</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; set; }
}
