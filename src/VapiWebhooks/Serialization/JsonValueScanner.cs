using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Finds where a JSON object or array ends, validating it on the way exactly as <see cref="System.Text.Json.Utf8JsonReader"/>
/// does with its default options (no comments, no trailing commas, the same depth limit, the same string and number
/// rules), at about twice the speed of <c>Utf8JsonReader.Skip</c>: it looks for structure only, with vector searches
/// through strings and indentation, instead of producing every token.
/// </summary>
/// <remarks>
/// Used for the parts of a message that are kept as sent and read on first access: most of a real body.
/// Like the reader, it does not check that the bytes inside strings are valid UTF-8 (reading the string does).
/// </remarks>
internal static class JsonValueScanner
{
    // What ends the fast search through a string: its closing quote, an escape, or a control character (never valid there).
    private static readonly SearchValues<byte> StringSpecials = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F"u8);

    /// <summary>Finds the bracket that closes the object or array opening at <paramref name="start"/>.</summary>
    /// <param name="json">The input.</param>
    /// <param name="start">The index of the opening <c>{</c> or <c>[</c>.</param>
    /// <param name="depth">The reader's depth once that container is open (its <c>CurrentDepth</c> there, plus one).</param>
    /// <param name="maxDepth">The reader's depth limit.</param>
    /// <returns>The index of the closing bracket, or -1 when the value is not valid JSON, goes deeper than the
    /// limit, or does not end within <paramref name="json"/>.</returns>
    public static int FindEnd(ReadOnlySpan<byte> json, int start, int depth, int maxDepth)
    {
        if ((uint)start >= (uint)json.Length || json[start] is not ((byte)'{' or (byte)'['))
        {
            return -1;
        }

        // One bit per open container inside the value, set for an object: what a closing bracket must match.
        // The default limit (64) needs two words; a very deep custom limit goes to the heap, not the stack.
        var words = (Math.Max(0, maxDepth - depth) >> 6) + 1;
        Span<ulong> kinds = words <= 4 ? stackalloc ulong[4] : new ulong[words];
        var level = 0;
        var inObject = json[start] == (byte)'{';
        SetKind(kinds, level, inObject);
        var i = SkipWhitespace(json, start + 1);
        if (i >= json.Length)
        {
            return -1;
        }

        if (json[i] == Closer(inObject))
        {
            return i;
        }

        while (true)
        {
            // At a member of an object (a name, a colon) or an element of an array.
            if (inObject)
            {
                if (json[i] != (byte)'"' || (i = SkipString(json, i)) < 0)
                {
                    return -1;
                }

                i = SkipWhitespace(json, i);
                if (i >= json.Length || json[i] != (byte)':')
                {
                    return -1;
                }

                i = SkipWhitespace(json, i + 1);
                if (i >= json.Length)
                {
                    return -1;
                }
            }

            var next = json[i];
            if (next is (byte)'{' or (byte)'[')
            {
                if (depth >= maxDepth)
                {
                    return -1;
                }

                depth++;
                level++;
                inObject = next == (byte)'{';
                SetKind(kinds, level, inObject);
                i = SkipWhitespace(json, i + 1);
                if (i >= json.Length)
                {
                    return -1;
                }

                if (json[i] != Closer(inObject))
                {
                    continue;
                }
            }
            else
            {
                i = next switch
                {
                    (byte)'"' => SkipString(json, i),
                    (byte)'t' => SkipLiteral(json, i, "true"u8),
                    (byte)'f' => SkipLiteral(json, i, "false"u8),
                    (byte)'n' => SkipLiteral(json, i, "null"u8),
                    _ => SkipNumber(json, i),
                };
                if (i < 0 || (i = AfterValue(json, i, inObject, out var closes)) < 0)
                {
                    return -1;
                }

                if (!closes)
                {
                    continue;
                }
            }

            // json[i] closes the innermost open container: close as many as end here.
            while (true)
            {
                if (level == 0)
                {
                    return i;
                }

                level--;
                depth--;
                inObject = GetKind(kinds, level);
                if ((i = AfterValue(json, i + 1, inObject, out var closes)) < 0)
                {
                    return -1;
                }

                if (!closes)
                {
                    break;
                }
            }
        }
    }

    private static byte Closer(bool inObject) => inObject ? (byte)'}' : (byte)']';

    // After a value that ends before json[i]: returns where the next member or element starts (after a comma), or
    // with closes set, the index of the bracket that closes the container; -1 for anything else or the input's end.
    // A closing bracket after a comma (a trailing comma) is refused by the next round, as any misplaced byte is.
    private static int AfterValue(ReadOnlySpan<byte> json, int i, bool inObject, out bool closes)
    {
        closes = false;
        if ((i = SkipWhitespace(json, i)) >= json.Length)
        {
            return -1;
        }

        if (json[i] == (byte)',')
        {
            i = SkipWhitespace(json, i + 1);
            return i < json.Length ? i : -1;
        }

        closes = true;
        return json[i] == Closer(inObject) ? i : -1;
    }

    private static void SetKind(Span<ulong> kinds, int level, bool isObject)
    {
        if (isObject)
        {
            kinds[level >> 6] |= 1UL << level;
        }
        else
        {
            kinds[level >> 6] &= ~(1UL << level);
        }
    }

    private static bool GetKind(Span<ulong> kinds, int level) => (kinds[level >> 6] & (1UL << level)) != 0;

    // JSON's four whitespace characters. Indentation comes in runs of spaces: 16 at a time.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while ((uint)i < (uint)json.Length)
        {
            var current = json[i];
            if (current > (byte)' ')
            {
                return i;
            }

            if (current == (byte)' ' && i + Vector128<byte>.Count <= json.Length)
            {
                var block = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(json), (nuint)i);
                var spaces = Vector128.ExtractMostSignificantBits(Vector128.Equals(block, Vector128.Create((byte)' ')));
                i += BitOperations.TrailingZeroCount(~spaces);
            }
            else if (current is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')
            {
                i++;
            }
            else
            {
                return i;
            }
        }

        return json.Length;
    }

    // json[i] is the opening quote. Returns the index after the closing quote, or -1.
    private static int SkipString(ReadOnlySpan<byte> json, int i)
    {
        i++;
        while (true)
        {
            var found = json[i..].IndexOfAny(StringSpecials);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            var current = json[i];
            if (current == (byte)'"')
            {
                return i + 1;
            }

            if (current != (byte)'\\' || ++i >= json.Length)
            {
                return -1;
            }

            switch (json[i])
            {
                case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                    i++;
                    break;
                case (byte)'u':
                    if (i + 4 >= json.Length || !IsHex(json[i + 1]) || !IsHex(json[i + 2]) || !IsHex(json[i + 3]) || !IsHex(json[i + 4]))
                    {
                        return -1;
                    }

                    i += 5;
                    break;
                default:
                    return -1;
            }
        }
    }

    private static bool IsHex(byte value) => char.IsAsciiHexDigit((char)value);

    private static int SkipLiteral(ReadOnlySpan<byte> json, int i, ReadOnlySpan<byte> literal)
        => json[i..].StartsWith(literal) ? i + literal.Length : -1;

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? : returns the index after it, or -1.
    private static int SkipNumber(ReadOnlySpan<byte> json, int i)
    {
        if (json[i] == (byte)'-' && ++i >= json.Length)
        {
            return -1;
        }

        if (json[i] == (byte)'0')
        {
            i++;
        }
        else if (IsDigit(json[i]))
        {
            i = SkipDigits(json, i + 1);
        }
        else
        {
            return -1;
        }

        if (i < json.Length && json[i] == (byte)'.')
        {
            if (++i >= json.Length || !IsDigit(json[i]))
            {
                return -1;
            }

            i = SkipDigits(json, i + 1);
        }

        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            if (++i < json.Length && json[i] is (byte)'+' or (byte)'-')
            {
                i++;
            }

            if (i >= json.Length || !IsDigit(json[i]))
            {
                return -1;
            }

            i = SkipDigits(json, i + 1);
        }

        return i;
    }

    private static int SkipDigits(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && IsDigit(json[i]))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(byte value) => (uint)(value - '0') <= 9;
}
