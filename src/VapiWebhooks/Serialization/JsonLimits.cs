using System.Text.Json;

namespace VapiWebhooks.Serialization;

/// <summary>Limits on the shape of JSON beyond what the serializer enforces itself (depth).</summary>
public static class JsonLimits
{
    /// <summary>
    /// Whether <paramref name="utf8Json"/> holds a string (or property name) longer than <paramref name="maxLength"/>
    /// bytes as sent. A body no longer than the limit cannot, so that case returns at once without scanning.
    /// </summary>
    /// <param name="utf8Json">The JSON.</param>
    /// <param name="maxLength">The longest string accepted, in bytes as sent (escapes included).</param>
    /// <returns>True when a longer string is present.</returns>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static bool HasStringLongerThan(ReadOnlySpan<byte> utf8Json, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        if (utf8Json.Length <= maxLength)
        {
            return false;
        }

        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions { MaxDepth = VapiJson.MaxDepth });
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
                if (length > maxLength)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
