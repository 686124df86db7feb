using System.Text;
using System.Text.Unicode;

namespace VapiWebhooks.Serialization;

/// <summary>
/// Checks that a body is well-formed Unicode everywhere, including the parts the reader skips or defers (which it
/// never transcodes): invalid UTF-8 bytes, and <c>\u</c> escapes of a lone UTF-16 surrogate.
/// </summary>
internal static class Utf8Text
{
    /// <summary>Describes the first problem with its byte offset, or returns null when the text is well-formed.</summary>
    public static string? FindProblem(ReadOnlySpan<byte> utf8)
    {
        if (!Utf8.IsValid(utf8))
        {
            return $"The body is not valid UTF-8 (byte {FirstInvalidByte(utf8)}).";
        }

        // Escapes only appear after a backslash: bodies without one (most) cost one vectorized search.
        var offset = 0;
        while (utf8[offset..].IndexOf((byte)'\\') is var found and >= 0)
        {
            var at = offset + found;
            if (at + 1 >= utf8.Length)
            {
                return null;
            }

            if (utf8[at + 1] != (byte)'u')
            {
                offset = at + 2;
                continue;
            }

            if (!TryHex(utf8, at + 2, out var unit))
            {
                // Not a valid escape: the reader reports it with its position.
                return null;
            }

            if (char.IsHighSurrogate((char)unit))
            {
                if (at + 7 < utf8.Length && utf8[at + 6] == (byte)'\\' && utf8[at + 7] == (byte)'u' && TryHex(utf8, at + 8, out var low) && char.IsLowSurrogate((char)low))
                {
                    offset = at + 12;
                    continue;
                }

                return $"The body escapes a lone UTF-16 surrogate (\\u{unit:x4}) at byte {at}; text must be valid Unicode.";
            }

            if (char.IsLowSurrogate((char)unit))
            {
                return $"The body escapes a lone UTF-16 surrogate (\\u{unit:x4}) at byte {at}; text must be valid Unicode.";
            }

            offset = at + 6;
        }

        return null;
    }

    private static bool TryHex(ReadOnlySpan<byte> utf8, int start, out int value)
    {
        value = 0;
        if (start + 4 > utf8.Length)
        {
            return false;
        }

        for (var i = start; i < start + 4; i++)
        {
            var digit = HexValue(utf8[i]);
            if (digit < 0)
            {
                return false;
            }

            value = (value << 4) | digit;
        }

        return true;
    }

    private static int HexValue(byte b) => b switch
    {
        >= (byte)'0' and <= (byte)'9' => b - '0',
        >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
        _ => -1,
    };

    private static int FirstInvalidByte(ReadOnlySpan<byte> utf8)
    {
        var offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return offset;
    }
}
