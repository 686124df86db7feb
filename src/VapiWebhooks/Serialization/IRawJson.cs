using System.Text.Json;

namespace VapiWebhooks.Serialization;

/// <summary>An "unknown" subtype that keeps the object exactly as sent, and is written back from it.</summary>
internal interface IRawJson
{
    /// <summary>The object as sent.</summary>
    JsonElement RawJson { get; }
}
