using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>Reads a <see cref="VapiTimestamp"/> from a number (ms) or an ISO-8601 string and writes it back as it came.</summary>
public sealed class VapiTimestampConverter : JsonConverter<VapiTimestamp>
{
    /// <inheritdoc />
    public override VapiTimestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // Checked here so that an absurd number is a bad request, not a crash when Value is read later.
                var milliseconds = reader.GetDouble();
                return VapiTimestamp.IsInRange(milliseconds)
                    ? VapiTimestamp.FromUnixMilliseconds(milliseconds)
                    : throw new JsonException("A timestamp number must be milliseconds since the epoch within the years 1 to 9999.");
            case JsonTokenType.String:
                // Vapi writes UTC with a 'Z': the reader's UTF-8 ISO parser handles that without a culture-aware
                // parse. (Without a 'Z' or offset the reader would assume local time, so those take the slow path.)
                if (!reader.ValueIsEscaped && !reader.HasValueSequence && reader.ValueSpan is [.., (byte)'Z'] && reader.TryGetDateTimeOffset(out var utc))
                {
                    return VapiTimestamp.FromIso(utc, reader.GetString()!);
                }

                var text = reader.GetString()!;
                if (VapiTimestamp.TryParseIso(text, out var parsed))
                {
                    return parsed;
                }

                throw new JsonException("A timestamp string must be an ISO-8601 date and time.");
            default:
                throw new JsonException($"A timestamp must be a number (ms since the epoch) or an ISO-8601 string, found {reader.TokenType}.");
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, VapiTimestamp value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsoText is { } iso)
        {
            writer.WriteStringValue(iso);
        }
        else
        {
            writer.WriteNumberValue(value.UnixMilliseconds);
        }
    }
}
