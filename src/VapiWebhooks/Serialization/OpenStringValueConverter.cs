using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>Reads and writes an <see cref="IOpenStringValue{TSelf}"/> as a plain JSON string.</summary>
/// <typeparam name="T">The value type.</typeparam>
public sealed class OpenStringValueConverter<T> : JsonConverter<T>
    where T : struct, IOpenStringValue<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"Expected a string for {typeof(T).Name}, found {reader.TokenType}.");
        }

        return T.FromString(reader.GetString()!);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
