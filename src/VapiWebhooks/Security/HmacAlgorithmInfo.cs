using System.Security.Cryptography;

namespace VapiWebhooks.Security;

/// <summary>Maps <see cref="VapiHmacAlgorithm"/> to the framework's hash name and MAC size.</summary>
internal static class HmacAlgorithmInfo
{
    /// <summary>The largest MAC any supported algorithm produces (SHA-512).</summary>
    public const int MaxMacSize = 64;

    public static HashAlgorithmName ToHashAlgorithmName(VapiHmacAlgorithm algorithm) => algorithm switch
    {
        VapiHmacAlgorithm.Sha256 => HashAlgorithmName.SHA256,
        VapiHmacAlgorithm.Sha512 => HashAlgorithmName.SHA512,
        VapiHmacAlgorithm.Sha1 => HashAlgorithmName.SHA1,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown HMAC algorithm."),
    };

    public static int MacSize(VapiHmacAlgorithm algorithm) => algorithm switch
    {
        VapiHmacAlgorithm.Sha256 => 32,
        VapiHmacAlgorithm.Sha512 => 64,
        VapiHmacAlgorithm.Sha1 => 20,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown HMAC algorithm."),
    };
}
