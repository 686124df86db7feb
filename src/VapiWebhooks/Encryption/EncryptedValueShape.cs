namespace VapiWebhooks.Encryption;

/// <summary>How a decrypted value is put back: as a string, or as the JSON value its text spells.</summary>
internal enum EncryptedValueShape
{
    /// <summary>A string (the target is a string, or unknown).</summary>
    Text,

    /// <summary>The JSON the text holds, for a number, boolean, object or array target; a string when it is not JSON.</summary>
    Json,
}
