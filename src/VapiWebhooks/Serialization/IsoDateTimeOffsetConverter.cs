using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Reads any ISO-8601 date and time, and writes UTC with millisecond precision and a <c>Z</c>
/// (<c>2024-07-25T21:06:15.780Z</c>): the form Vapi sends (JavaScript's <c>toISOString</c>), so dates
/// round-trip unchanged.
/// </summary>
public sealed class IsoDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            // The UTF-8 ISO-8601 parser is fast and allocation-free; the string parser takes the looser forms.
            if (reader.TryGetDateTimeOffset(out var value)
                || DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return value;
            }
        }

        throw new JsonException("Expected an ISO-8601 date and time string.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        Span<char> buffer = stackalloc char[24];
        if (value.Ticks % TimeSpan.TicksPerMillisecond == 0
            && value.UtcDateTime.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture))
        {
            writer.WriteStringValue(buffer[..written]);
            return;
        }

        // Sub-millisecond precision would be lost in the JavaScript form: keep the full round-trip form.
        writer.WriteStringValue(value.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
    }
}
