using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace VapiWebhooks.Serialization;

/// <summary>
/// A bulky, rarely read part of a message (the artifact, an inline assistant, a tool's parameter schema...) kept
/// as the JSON that was sent until someone reads it. A tool call does not pay for a conversation transcript it
/// never looks at.
/// </summary>
/// <remarks>
/// The JSON was checked to be well formed (and within the depth limit) when the message was read; its typed
/// view (a model class, or a <see cref="JsonElement"/>) is built on first access, once, and then kept, so changes
/// made to it are kept too. Access from concurrent tool calls is safe.
/// </remarks>
/// <typeparam name="T">The typed view.</typeparam>
internal sealed class DeferredJson<T>
{
    private readonly string _location;

    // The JSON as sent (a byte[] or the request's MessageBuffer, at _offset for _length bytes; or a boxed
    // JsonElement where the bytes could not be taken) until the typed view exists; then null. Published after
    // _value, so a reader that sees null also sees the value.
    private object? _pending;
    private int _offset;
    private int _length;
    private T? _value;

    private DeferredJson(string location, object? pending, T? value)
    {
        _location = location;
        _pending = pending;
        _value = value;
    }

    /// <summary>Deferred from raw bytes: a copy, or a slice of the request's buffer.</summary>
    public static DeferredJson<T> FromUtf8(string location, DeferredBytes utf8Json)
        => new(location, utf8Json.Source, default) { _offset = utf8Json.Offset, _length = utf8Json.Length };

    /// <summary>Deferred from an element (when the raw bytes could not be copied directly).</summary>
    public static DeferredJson<T> FromElement(string location, JsonElement element) => new(location, element, default);

    /// <summary>Already typed (set by code rather than read).</summary>
    public static DeferredJson<T> FromValue(string location, T value) => new(location, null, value);

    /// <summary>The typed view, built on first access.</summary>
    public T? GetValue(JsonTypeInfo<T> typeInfo)
    {
        if (Volatile.Read(ref _pending) is null)
        {
            return _value;
        }

        lock (this)
        {
            if (_pending is { } pending)
            {
                _value = Materialize(pending, typeInfo);
                Volatile.Write(ref _pending, null);
            }

            return _value;
        }
    }

    /// <summary>Writes the value: the JSON as sent while untouched, else the typed view.</summary>
    public void WriteTo(Utf8JsonWriter writer, JsonTypeInfo<T> typeInfo)
    {
        lock (this)
        {
            switch (_pending)
            {
                case byte[] utf8Json:
                    writer.WriteRawValue(utf8Json.AsSpan(_offset, _length), skipInputValidation: true);
                    break;
                case MessageBuffer buffer:
                    buffer.Read(_offset, _length, writer, static (utf8Json, writer) =>
                    {
                        writer.WriteRawValue(utf8Json, skipInputValidation: true);
                        return true;
                    });
                    break;
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                default:
                    JsonSerializer.Serialize(writer, _value!, typeInfo);
                    break;
            }
        }
    }

    private T? Materialize(object pending, JsonTypeInfo<T> typeInfo)
    {
        try
        {
            return pending switch
            {
                byte[] utf8Json => RawJsonInput.Deserialize(utf8Json.AsSpan(_offset, _length), typeInfo),
                MessageBuffer buffer => buffer.Read(_offset, _length, typeInfo, static (utf8Json, typeInfo) => RawJsonInput.Deserialize(utf8Json, typeInfo)),
                _ => ((JsonElement)pending).Deserialize(typeInfo),
            };
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
