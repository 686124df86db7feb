using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Reads a <see cref="DeferredJson{T}"/>: skips the value (which checks it is well formed) and keeps its
/// bytes; writes them back untouched, or the typed view once it exists.
/// </summary>
/// <remarks>Converts <c>object</c>: the properties it serves are typed <c>object</c> (see <see cref="Messages.ServerMessage"/>).</remarks>
/// <typeparam name="T">The typed view.</typeparam>
/// <param name="location">Where the value stands in the request body, for errors raised when it is read (<c>$.message.artifact</c>).</param>
/// <param name="expected">The token the value must start with (an object or an array), or null for any JSON value.</param>
internal abstract class DeferredJsonConverter<T>(string location, JsonTokenType? expected) : JsonConverter<object>
{
    /// <inheritdoc />
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (expected is { } token && reader.TokenType != token)
        {
            throw new JsonException($"Expected a JSON {(token == JsonTokenType.StartArray ? "array" : "object")} for {typeof(T).Name}.");
        }

        // Objects and arrays are skipped and their bytes kept (a slice of the request's buffer, or a copy); a lone string or number (in a free-form part) is just kept.
        return reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && RawJsonInput.TryTakeValue(ref reader, out var utf8Json)
            ? DeferredJson<T>.FromUtf8(location, utf8Json)
            : DeferredJson<T>.FromElement(location, JsonElement.ParseValue(ref reader));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ((DeferredJson<T>)value).WriteTo(writer, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}
