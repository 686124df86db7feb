using System.Buffers;

namespace VapiWebhooks.Security;

/// <summary>Writes and reads the signature header text: optional prefix, then hex or base64 of the MAC.</summary>
internal static class HmacSignatureCodec
{
    public static string Encode(ReadOnlySpan<byte> mac, string? prefix, VapiSignatureEncoding encoding)
    {
        var text = encoding == VapiSignatureEncoding.Base64 ? Convert.ToBase64String(mac) : Convert.ToHexStringLower(mac);
        return string.IsNullOrEmpty(prefix) ? text : prefix + text;
    }

    /// <summary>
    /// Decodes <paramref name="header"/> into exactly <paramref name="macSize"/> bytes. The prefix must be present
    /// exactly when configured; hex is case-insensitive; base64 must be canonical so one MAC has one spelling.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> header, string? prefix, VapiSignatureEncoding encoding, int macSize, Span<byte> destination)
    {
        header = header.Trim();
        if (!string.IsNullOrEmpty(prefix))
        {
            if (!header.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }

            header = header[prefix.Length..];
        }

        var mac = destination[..macSize];
        if (encoding == VapiSignatureEncoding.Hex)
        {
            return header.Length == macSize * 2
                && Convert.FromHexString(header, mac, out _, out var written) == OperationStatus.Done
                && written == macSize;
        }

        var encodedLength = (macSize + 2) / 3 * 4;
        if (header.Length != encodedLength || !Convert.TryFromBase64Chars(header, mac, out var decoded) || decoded != macSize)
        {
            return false;
        }

        // The decoder ignores the unused low bits of the last character; re-encoding rejects those variants.
        Span<char> canonical = stackalloc char[(HmacAlgorithmInfo.MaxMacSize + 2) / 3 * 4];
        return Convert.TryToBase64Chars(mac, canonical, out var length) && canonical[..length].SequenceEqual(header);
    }
}
