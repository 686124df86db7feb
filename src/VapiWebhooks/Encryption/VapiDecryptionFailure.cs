namespace VapiWebhooks.Encryption;

/// <summary>Why a value could not be decrypted; safe to log (it says nothing of the value or the keys).</summary>
public enum VapiDecryptionFailure
{
    /// <summary>No private key is configured for the credential (<c>Encryption:PrivateKeys</c>).</summary>
    NoKeyConfigured,

    /// <summary>The value is not a JSON string, so it cannot be Vapi's base64 ciphertext.</summary>
    NotAString,

    /// <summary>The value is not base64.</summary>
    NotBase64,

    /// <summary>No configured key decrypts it: it was encrypted for another public key, or it is damaged.</summary>
    NoMatchingKey,

    /// <summary>It decrypts, but the plaintext is not UTF-8 text.</summary>
    NotUtf8,
}
