using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace VapiWebhooks.Security;

/// <summary>
/// Checks a bearer header against the configured tokens. Tokens are kept as SHA-256 hashes and compared hash to hash
/// with <see cref="CryptographicOperations.FixedTimeEquals"/>, so the time taken reveals neither content nor length.
/// </summary>
internal sealed class BearerTokenMatcher
{
    private readonly byte[][] _tokenHashes;
    private readonly bool _usePrefix;

    public BearerTokenMatcher(VapiBearerOptions options)
    {
        HeaderName = options.HeaderName.Trim();
        _usePrefix = options.UsePrefix;
        _tokenHashes = [.. options.Tokens.Select(token => SHA256.HashData(Encoding.UTF8.GetBytes(token)))];
    }

    public string HeaderName { get; }

    public VapiVerificationResult Verify(string headerValue)
    {
        if (headerValue.Length > VapiRequestVerifier.MaxHeaderLength)
        {
            return VapiVerificationResult.HeaderTooLarge;
        }

        var token = headerValue.AsSpan().Trim();
        if (_usePrefix)
        {
            // The scheme name is case-insensitive (RFC 9110, section 11.1).
            if (!token.StartsWith(VapiBearerOptions.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                return VapiVerificationResult.InvalidToken;
            }

            token = token[VapiBearerOptions.Prefix.Length..].TrimStart(' ');
        }

        if (token.IsEmpty)
        {
            return VapiVerificationResult.InvalidToken;
        }

        Span<byte> presented = stackalloc byte[SHA256.HashSizeInBytes];
        HashUtf8(token, presented);

        var match = false;
        foreach (var expected in _tokenHashes)
        {
            // No early exit: every configured token costs the same whether or not an earlier one matched.
            match |= CryptographicOperations.FixedTimeEquals(expected, presented);
        }

        return match ? VapiVerificationResult.Valid : VapiVerificationResult.InvalidToken;
    }

    private static void HashUtf8(ReadOnlySpan<char> text, Span<byte> destination)
    {
        const int StackLimit = 512;
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = maxBytes <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(maxBytes));
        try
        {
            var written = Encoding.UTF8.GetBytes(text, buffer);
            SHA256.HashData(buffer[..written], destination);
        }
        finally
        {
            if (rented is not null)
            {
                CryptographicOperations.ZeroMemory(rented);
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
