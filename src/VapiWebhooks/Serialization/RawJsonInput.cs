using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace VapiWebhooks.Serialization;

/// <summary>
/// The UTF-8 input of the deserialisation running on this thread, pinned, so that a converter can copy the
/// raw bytes of a value it skips instead of parsing them (see <see cref="DeferredJsonConverter{T}"/>).
/// </summary>
/// <remarks>
/// A converter only sees a <see cref="Utf8JsonReader"/>, which has no public way to hand out the bytes of a
/// whole value. The address of the first and the last token of the value, both checked to lie inside this
/// pinned input, delimit them exactly. Whenever the check fails (no input registered, a reader over other
/// memory, a multi-segment reader) the converter falls back to <see cref="JsonElement.ParseValue"/>.
/// </remarks>
internal static unsafe class RawJsonInput
{
    [ThreadStatic]
    private static byte* _start;

    [ThreadStatic]
    private static nint _length;

    /// <summary>Deserialises <paramref name="utf8Json"/>, letting deferred values copy their bytes from it.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
    {
        fixed (byte* start = utf8Json)
        {
            var previousStart = _start;
            var previousLength = _length;
            _start = start;
            _length = utf8Json.Length;
            try
            {
                return JsonSerializer.Deserialize(utf8Json, typeInfo);
            }
            finally
            {
                _start = previousStart;
                _length = previousLength;
            }
        }
    }

    /// <summary>
    /// Skips the object or array the reader stands on and returns a copy of its bytes, or null (with the
    /// reader unmoved) when the reader does not read the registered input.
    /// </summary>
    public static byte[]? TryCopyValue(ref Utf8JsonReader reader)
    {
        var start = _start;
        if (start is null || reader.HasValueSequence || reader.ValueSpan.Length != 1)
        {
            return null;
        }

        var end = start + _length;
        var first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(reader.ValueSpan));
        if (first < start || first >= end)
        {
            return null;
        }

        var scan = reader;
        scan.Skip();
        if (scan.HasValueSequence || scan.ValueSpan.Length != 1)
        {
            return null;
        }

        // Both ends inside the pinned input: the bytes between them are the value, exactly as sent.
        var last = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(scan.ValueSpan));
        if (last < first || last >= end)
        {
            return null;
        }

        reader = scan;
        var value = new ReadOnlySpan<byte>(first, checked((int)(last - first + 1)));

        // Every byte is overwritten at once: no need to zero the array first.
        var copy = GC.AllocateUninitializedArray<byte>(value.Length);
        value.CopyTo(copy);
        return copy;
    }
}
