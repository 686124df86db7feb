using System.Text.Json;
using System.Text.Json.Serialization;

namespace VapiWebhooks.Serialization;

/// <summary>
/// A free-form part of a message (a tool's spoken messages, its parameter schema...) kept as the bytes that were
/// sent until someone reads it as a <see cref="JsonElement"/>: a <see cref="JsonElement"/> read eagerly costs a
/// second parse and a document per value, for parts a handler seldom looks at.
/// </summary>
/// <remarks>Built on first access, once, under a lock (a nullable <see cref="JsonElement"/> cannot be published atomically).</remarks>
internal sealed class DeferredJsonElement
{
    private byte[]? _utf8Json;
    private JsonElement? _value;

    private DeferredJsonElement(byte[]? utf8Json, JsonElement? value)
    {
        _utf8Json = utf8Json;
        _value = value;
    }

    /// <summary>Deferred from raw bytes.</summary>
    public static DeferredJsonElement FromUtf8(byte[] utf8Json) => new(utf8Json, null);

    /// <summary>Already an element (set by code, or read where the bytes could not be copied).</summary>
    public static DeferredJsonElement? FromValue(JsonElement? value) => value is null ? null : new(null, value);

    /// <summary>The element, parsed on first access.</summary>
    public JsonElement? GetValue()
    {
        lock (this)
        {
            if (_utf8Json is { } utf8Json)
            {
                // Checked while the message was read: well formed and within the depth limit.
                _value = JsonElement.Parse(utf8Json, new JsonDocumentOptions { MaxDepth = VapiJson.MaxDepth });
                _utf8Json = null;
            }

            return _value;
        }
    }

    /// <summary>Writes the bytes as sent while untouched, else the element.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        lock (this)
        {
            if (_utf8Json is { } utf8Json)
            {
                writer.WriteRawValue(utf8Json, skipInputValidation: true);
            }
            else if (_value is { } value)
            {
                value.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }
        }
    }
}

/// <summary>Reads and writes a <see cref="DeferredJsonElement"/> (properties typed <c>object</c>, see <see cref="DeferredJsonConverter{T}"/>).</summary>
internal sealed class DeferredJsonElementConverter : JsonConverter<object>
{
    /// <inheritdoc />
    public override object? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        return reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && RawJsonInput.TryCopyValue(ref reader) is { } utf8Json
            ? DeferredJsonElement.FromUtf8(utf8Json)
            : DeferredJsonElement.FromValue(JsonElement.ParseValue(ref reader));
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, object value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ((DeferredJsonElement)value).WriteTo(writer);
    }
}
