using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>A destination of a type this library does not know; <see cref="RawJson"/> keeps it whole.</summary>
public sealed class UnknownTransferDestination : TransferDestination, IRawJson
{
    /// <summary>The destination exactly as sent.</summary>
    [JsonIgnore]
    public JsonElement RawJson { get; set; }
}
