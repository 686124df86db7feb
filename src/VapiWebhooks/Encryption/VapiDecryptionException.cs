namespace VapiWebhooks.Encryption;

/// <summary>
/// A value could not be decrypted. The message names the field and the <see cref="Failure"/>, never the ciphertext or any key,
/// so it is safe to log and to give a tool's model.
/// </summary>
public sealed class VapiDecryptionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public VapiDecryptionException()
        : this(VapiDecryptionFailure.NoMatchingKey, null)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    public VapiDecryptionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public VapiDecryptionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a field.</summary>
    /// <param name="failure">Why it failed.</param>
    /// <param name="path">The field's path (such as <c>payment.cardNumber</c>), when known.</param>
    public VapiDecryptionException(VapiDecryptionFailure failure, string? path)
        : base(Describe(failure, path))
    {
        Failure = failure;
        Path = path;
    }

    /// <summary>Why the value could not be decrypted.</summary>
    public VapiDecryptionFailure Failure { get; }

    /// <summary>The field's path, when known.</summary>
    public string? Path { get; }

    internal static string Describe(VapiDecryptionFailure failure, string? path)
    {
        var subject = path is null ? "The value" : $"The argument '{path}'";
        return failure switch
        {
            VapiDecryptionFailure.NoKeyConfigured => $"{subject} is encrypted, but no private key is configured to decrypt it.",
            VapiDecryptionFailure.NotAString => $"{subject} should be encrypted, but is not encrypted text.",
            VapiDecryptionFailure.NotBase64 => $"{subject} should be encrypted, but is not base64 ciphertext.",
            VapiDecryptionFailure.NotUtf8 => $"{subject} decrypted to bytes that are not UTF-8 text.",
            _ => $"{subject} could not be decrypted with any configured private key.",
        };
    }
}
