namespace VapiWebhooks.Security;

/// <summary>How the HMAC signature is written into its header (the credential's <c>signatureEncoding</c> field).</summary>
public enum VapiSignatureEncoding
{
    /// <summary>Hexadecimal, Vapi's default. Verification accepts either letter case.</summary>
    Hex = 0,

    /// <summary>Standard, padded base64 (RFC 4648 section 4). Only the canonical encoding is accepted.</summary>
    Base64 = 1,
}
