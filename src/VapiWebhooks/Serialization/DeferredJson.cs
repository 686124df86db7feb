using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VapiWebhooks.Serialization;

/// <summary>
/// A bulky, rarely read part of a message (the artifact, an inline assistant...) kept as the JSON that was
/// sent until someone reads it. A tool call does not pay for a conversation transcript it never looks at.
/// </summary>
/// <remarks>
/// The JSON was checked to be well formed (and within the depth limit) when the message was read; its typed
/// view is built on first access, once, and then kept, so changes made to it are kept too. Access from
/// concurrent tool calls is safe.
/// </remarks>
/// <typeparam name="T">The typed view.</typeparam>
internal sealed class DeferredJson<T>
    where T : class
{
    private readonly string _location;
    private byte[]? _utf8Json;
    private JsonElement _element;
    private T? _value;

    private DeferredJson(string location, byte[]? utf8Json, JsonElement element, T? value)
    {
        _location = location;
        _utf8Json = utf8Json;
        _element = element;
        _value = value;
    }

    /// <summary>Whether the typed view has not been built yet.</summary>
    public bool IsPending => Volatile.Read(ref _utf8Json) is not null || _element.ValueKind != JsonValueKind.Undefined;

    /// <summary>Deferred from raw bytes.</summary>
    public static DeferredJson<T> FromUtf8(string location, byte[] utf8Json) => new(location, utf8Json, default, null);

    /// <summary>Deferred from an element (when the raw bytes could not be copied directly).</summary>
    public static DeferredJson<T> FromElement(string location, JsonElement element) => new(location, null, element, null);

    /// <summary>Already typed (set by code rather than read).</summary>
    public static DeferredJson<T>? FromValue(string location, T? value) => value is null ? null : new(location, null, default, value);

    /// <summary>The typed view, built on first access.</summary>
    public T? GetValue(JsonTypeInfo<T> typeInfo)
    {
        if (!IsPending)
        {
            return _value;
        }

        lock (this)
        {
            if (IsPending)
            {
                _value = Materialize(typeInfo);
                _element = default;
                Volatile.Write(ref _utf8Json, null);
            }

            return _value;
        }
    }

    /// <summary>Writes the value: the bytes as sent while untouched, else the typed view.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonTypeInfo<T> typeInfo)
    {
        lock (this)
        {
            if (_utf8Json is { } utf8Json)
            {
                writer.WriteRawValue(utf8Json, skipInputValidation: true);
            }
            else if (_element.ValueKind != JsonValueKind.Undefined)
            {
                _element.WriteTo(writer);
            }
            else
            {
                JsonSerializer.Serialize(writer, _value!, typeInfo);
            }
        }
    }

    private T? Materialize(JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return _utf8Json is { } utf8Json ? RawJsonInput.Deserialize(utf8Json, typeInfo) : _element.Deserialize(typeInfo);
        }
        catch (JsonException ex)
        {
            // The error surfaces where the value is read, not where the message was: say which part and where.
            var inner = JsonErrors.WithPosition(ex);
            var path = _location + (inner.Path is { Length: > 1 } relative ? relative[1..] : string.Empty);
            throw new JsonException(
                $"The message's '{_location[2..]}' could not be read as {typeof(T).Name}: {JsonErrors.WithoutPosition(inner.Message)} Path: {path}.",
                path,
                null,
                null,
                ex);
        }
    }
}
