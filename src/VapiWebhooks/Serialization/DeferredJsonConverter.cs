using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Reads a <see cref="DeferredJson{T}"/>: skips the value (which checks it is well formed) and keeps its
/// bytes; writes them back untouched, or the typed view once it exists.
/// </summary>
/// <remarks>Converts <c>object</c>: the properties it serves are typed <c>object</c> (see <see cref="Messages.ServerMessage"/>).</remarks>
/// <typeparam name="T">The typed view.</typeparam>
/// <param name="location">Where the value stands in the request body, for errors raised when it is read (<c>$.message.artifact</c>).</param>
/// <param name="isList">Whether the value is a JSON array (a list) rather than an object.</param>
internal abstract class DeferredJsonConverter<T>(string location, bool isList = false) : JsonConverter<object>
    where T : class
{
    /// <inheritdoc />
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != (isList ? JsonTokenType.StartArray : JsonTokenType.StartObject))
        {
            throw new JsonException(isList ? $"Expected a JSON array for {typeof(T).Name}." : $"Expected a JSON object for {typeof(T).Name}.");
        }

        return RawJsonInput.TryCopyValue(ref reader) is { } utf8Json
            ? DeferredJson<T>.FromUtf8(location, utf8Json)
            : DeferredJson<T>.FromElement(location, JsonElement.ParseValue(ref reader));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(options);
        ((DeferredJson<T>)value).WriteTo(writer, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));
    }
}
