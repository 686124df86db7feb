namespace VapiWebhooks.Encryption;

/// <summary>
/// The private keys that decrypt what Vapi encrypted with the credential's <c>encryptionPlan</c> (RSA-OAEP-256, the public key
/// in SPKI PEM): the tool arguments named by a tool's <c>server.encryptedPaths</c>. Bound from the credential's
/// <c>Encryption</c> section, for example <c>Vapi:Webhooks:Authentication:Encryption</c>. Several keys may be listed during a
/// rotation: each is tried in turn, so values encrypted for the old and the new public key both decrypt.
/// </summary>
public sealed class VapiEncryptionOptions
{
    /// <summary>The smallest RSA key accepted, in bits.</summary>
    public const int MinimumKeySizeInBits = 2048;

    /// <summary>
    /// The private keys as PEM text (<c>-----BEGIN PRIVATE KEY-----</c> PKCS#8 or <c>-----BEGIN RSA PRIVATE KEY-----</c> PKCS#1),
    /// from any configuration source: user-secrets, an environment variable, a secret store's configuration provider
    /// (Azure Key Vault, AWS Secrets Manager...). An environment variable may carry the line breaks as <c>\n</c>.
    /// </summary>
    public IList<string> PrivateKeys { get; set; } = [];

    /// <summary>Paths of PEM files holding private keys (for example a mounted Kubernetes or Docker secret); read when the credential is loaded.</summary>
    public IList<string> PrivateKeyFiles { get; set; } = [];

    /// <summary>True when at least one key (text or file) is configured.</summary>
    public bool HasKeys => (PrivateKeys?.Count ?? 0) + (PrivateKeyFiles?.Count ?? 0) > 0;

    /// <summary>
    /// Checks that every key loads as an RSA private key of at least <see cref="MinimumKeySizeInBits"/> bits; returns one
    /// actionable message per problem, empty when they are usable. Messages never contain key material.
    /// </summary>
    /// <param name="sectionPath">The configuration path the messages name.</param>
    public IReadOnlyList<string> Validate(string sectionPath = "Vapi:Webhooks:Authentication:Encryption")
    {
        var failures = new List<string>();
        foreach (var (_, problem) in PrivateKeyLoader.LoadAll(this, sectionPath))
        {
            if (problem is not null)
            {
                failures.Add(problem);
            }
        }

        return failures;
    }

    /// <summary>Describes the options without revealing any key.</summary>
    public override string ToString()
        => $"{nameof(VapiEncryptionOptions)} {{ PrivateKeys = {PrivateKeys?.Count ?? 0} (redacted), PrivateKeyFiles = [{string.Join(", ", PrivateKeyFiles ?? [])}] }}";
}
