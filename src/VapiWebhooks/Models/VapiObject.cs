using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Models;

/// <summary>
/// A JSON object Vapi sends. Properties without a typed counterpart are kept in <see cref="ExtensionData"/>,
/// so reading and writing an object loses nothing.
/// </summary>
public abstract class VapiObject
{
    /// <summary>Every property without a typed counterpart, as sent.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? ExtensionData { get; set; }

    /// <summary>Reads a property that has no typed counterpart.</summary>
    /// <param name="name">The JSON property name.</param>
    /// <param name="value">The value, when present.</param>
    /// <returns>True when the property was sent.</returns>
    public bool TryGetExtension(string name, out JsonElement value)
    {
        if (ExtensionData is { } data && data.TryGetValue(name, out value))
        {
            return true;
        }

        value = default;
        return false;
    }
}
