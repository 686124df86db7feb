using System.Security.Cryptography;

namespace VapiWebhooks.Inbox.Storage;

/// <summary>
/// The stable id of a stored message: the lowercase hex SHA-256 of the raw request body. Two requests are the same
/// message exactly when their bodies are byte-for-byte equal (headers, signature and arrival time do not count), so a
/// sender's retry of the same body is recognised, and a re-serialised body (other spacing or key order) is not.
/// </summary>
public static class InboxMessageId
{
    /// <summary>Computes the id of <paramref name="body"/>.</summary>
    /// <param name="body">The raw body.</param>
    /// <returns>64 lowercase hex characters.</returns>
    public static string For(ReadOnlySpan<byte> body)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body, hash);
        return Convert.ToHexStringLower(hash);
    }
}
