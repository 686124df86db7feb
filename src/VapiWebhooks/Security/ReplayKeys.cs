using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace VapiWebhooks.Security;

/// <summary>
/// Builds replay-store keys. Keys are SHA-256 hashes, so a store (or its logs) never holds a usable signature,
/// and they hash the decoded MAC rather than the header text, so re-spelling a signature (hex case) is still a replay.
/// </summary>
internal static class ReplayKeys
{
    public static string ForSignature(ReadOnlySpan<byte> mac)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(mac, hash);
        return "sig:" + Base64Url.EncodeToString(hash);
    }

    public static string ForMessageId(string messageId)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(messageId), hash);
        return "id:" + Base64Url.EncodeToString(hash);
    }
}
