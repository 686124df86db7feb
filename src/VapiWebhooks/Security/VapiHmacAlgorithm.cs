namespace VapiWebhooks.Security;

/// <summary>The hash function of a Vapi HMAC credential (its <c>algorithm</c> field).</summary>
public enum VapiHmacAlgorithm
{
    /// <summary>HMAC-SHA256, Vapi's default.</summary>
    Sha256 = 0,

    /// <summary>HMAC-SHA512.</summary>
    Sha512 = 1,

    /// <summary>HMAC-SHA1. Offered by Vapi for legacy receivers; prefer <see cref="Sha256"/>.</summary>
    Sha1 = 2,
}
