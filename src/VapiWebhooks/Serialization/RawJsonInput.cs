using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

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
/// <para>
/// Skipping a value token by token costs as much as parsing it. When the reader reads this whole input, the
/// value's end is found by <see cref="JsonValueScanner"/> instead (same validation, twice the speed) and the
/// caller's reader is replaced by one that resumes at that end, with the state the original had at the value's
/// start. Such a reader no longer counts lines, so an error after a jump is read again without jumps, for its
/// exact position.
/// </para>
/// </remarks>
internal static unsafe class RawJsonInput
{
    [ThreadStatic]
    private static Input _current;

    /// <summary>Deserialises <paramref name="utf8Json"/>, letting deferred values copy their bytes from it.</summary>
    public static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo) => Deserialize(utf8Json, typeInfo, owner: null);

    /// <summary>Deserialises a request body, letting deferred values be slices of it instead of copies.</summary>
    public static T? Deserialize<T>(MessageBuffer body, JsonTypeInfo<T> typeInfo) => Deserialize(body.Span, typeInfo, body);

    private static T? Deserialize<T>(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<T> typeInfo, MessageBuffer? owner)
    {
        fixed (byte* start = utf8Json)
        {
            ref var current = ref _current;
            var previous = current;
            current = new Input { Start = start, Length = utf8Json.Length, Owner = owner, JumpsAllowed = true };
            try
            {
                return JsonSerializer.Deserialize(utf8Json, typeInfo);
            }
            catch (JsonException) when (_current.Jumped)
            {
                // A resumed reader has not counted the lines it jumped over: read again token by token for the exact position.
                _current.JumpsAllowed = false;
                return JsonSerializer.Deserialize(utf8Json, typeInfo);
            }
            finally
            {
                _current = previous;
            }
        }
    }

    /// <summary>
    /// Stops jumps until <see cref="ResumeJumps"/>: for a reader over only part of the input (as
    /// <c>JsonSerializer.Deserialize(ref reader)</c> creates), resuming at a value's end would run past its own.
    /// </summary>
    /// <returns>What to pass to <see cref="ResumeJumps"/>.</returns>
    public static bool SuspendJumps()
    {
        ref var current = ref _current;
        var allowed = current.JumpsAllowed;
        current.JumpsAllowed = false;
        return allowed;
    }

    /// <summary>Undoes <see cref="SuspendJumps"/>.</summary>
    public static void ResumeJumps(bool allowed) => _current.JumpsAllowed = allowed;

    /// <summary>
    /// When the reader stands on the start of an object or array inside the registered input, moves it to the
    /// value's end (validating it) and returns the value's bytes: a slice of the request's buffer when the input
    /// is one (<see cref="MessageBuffer"/>), else a copy. Otherwise returns false and leaves the reader.
    /// </summary>
    public static bool TryTakeValue(ref Utf8JsonReader reader, out DeferredBytes value)
    {
        value = default;
        ref var current = ref _current;
        var start = current.Start;
        if (start is null || reader.HasValueSequence || reader.ValueSpan.Length != 1)
        {
            return false;
        }

        var end = start + current.Length;
        var first = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(reader.ValueSpan));
        if (first < start || first >= end)
        {
            return false;
        }

        var input = new ReadOnlySpan<byte>(start, current.Length);
        var offset = (int)(first - start);
        if (current.JumpsAllowed && TryJump(ref reader, input, offset, current.ResumedAt) is var close and >= 0)
        {
            current.Jumped = true;
            current.ResumedAt = close;
            value = Take(in current, offset, close + 1 - offset);
            return true;
        }

        var scan = reader;
        scan.Skip();
        if (scan.HasValueSequence || scan.ValueSpan.Length != 1)
        {
            return false;
        }

        // Both ends inside the pinned input: the bytes between them are the value, exactly as sent.
        var last = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(scan.ValueSpan));
        if (last < first || last >= end)
        {
            return false;
        }

        reader = scan;
        value = Take(in current, offset, checked((int)(last - first + 1)));
        return true;
    }

    private static DeferredBytes Take(in Input input, int offset, int length)
    {
        if (input.Owner is { } owner)
        {
            // The request's buffer outlives the reading: keep where the value is, not its bytes.
            return new DeferredBytes(owner, offset, length);
        }

        // Every byte is overwritten at once: no need to zero the array first.
        var copy = GC.AllocateUninitializedArray<byte>(length);
        new ReadOnlySpan<byte>(input.Start + offset, length).CopyTo(copy);
        return new DeferredBytes(copy, 0, length);
    }

    // Returns the index of the value's closing bracket with the reader moved onto it, or -1 with the reader
    // untouched: a reader other than the one over the whole input or the last one resumed (those run to the
    // input's end), options the scanner does not follow, or invalid JSON (which the caller then skips token by
    // token, so that the reader reports the error exactly as it would have).
    private static int TryJump(ref Utf8JsonReader reader, ReadOnlySpan<byte> input, int offset, int resumedAt)
    {
        var state = reader.CurrentState;
        var options = state.Options;
        if (offset - reader.TokenStartIndex != resumedAt || options.CommentHandling != JsonCommentHandling.Disallow || options.AllowTrailingCommas)
        {
            return -1;
        }

        var maxDepth = options.MaxDepth == 0 ? DefaultMaxDepth : options.MaxDepth;
        var close = JsonValueScanner.FindEnd(input, offset, reader.CurrentDepth + 1, maxDepth);
        if (close < 0)
        {
            return -1;
        }

        // The state at the opening bracket, then the closing bracket: the reader reads an empty value's end.
        var resumed = new Utf8JsonReader(input[close..], isFinalBlock: true, state);
        if (!resumed.Read())
        {
            return -1;
        }

        reader = resumed;
        return close;
    }

    // Utf8JsonReader's limit when its options leave MaxDepth at 0.
    private const int DefaultMaxDepth = 64;

    private struct Input
    {
        public byte* Start;
        public int Length;

        // The request's buffer the input is, when it is one: deferred values are then slices of it.
        public MessageBuffer? Owner;
        public bool JumpsAllowed;
        public bool Jumped;

        // Where the reader of the last jump starts (0: the reader over the whole input).
        public int ResumedAt;
    }
}
