using System.Security.Cryptography;

namespace VapiWebhooks.Encryption;

/// <summary>
/// Reads the configured private keys. Each problem becomes a message that names the configuration entry and says what
/// to do, never the key text: a PEM pasted in the wrong place must not end up in a start-up log.
/// </summary>
internal static class PrivateKeyLoader
{
    /// <summary>Loads every configured key, in order (text first, then files); each entry gives a key or a problem.</summary>
    public static IEnumerable<(RSA? Key, string? Problem)> LoadAll(VapiEncryptionOptions options, string sectionPath)
    {
        var texts = options.PrivateKeys ?? [];
        for (var i = 0; i < texts.Count; i++)
        {
            yield return Load(texts[i], $"{sectionPath}:PrivateKeys:{i}", fromFile: false);
        }

        var files = options.PrivateKeyFiles ?? [];
        for (var i = 0; i < files.Count; i++)
        {
            var entry = $"{sectionPath}:PrivateKeyFiles:{i}";
            var path = files[i];
            if (string.IsNullOrWhiteSpace(path))
            {
                yield return (null, $"{entry} is empty: remove the entry or set the path of a PEM private key file.");
                continue;
            }

            string text;
            string? readProblem = null;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                text = string.Empty;
                readProblem = ex is FileNotFoundException or DirectoryNotFoundException
                    ? $"{entry} ('{path}') does not exist: set the path of the PEM private key file (generated with 'openssl genrsa -out private-key.pem 2048')."
                    : $"{entry} ('{path}') cannot be read ({ex.GetType().Name}): check the path and the file's permissions.";
            }

            yield return readProblem is null ? Load(text, $"{entry} ('{path}')", fromFile: true) : (null, readProblem);
        }
    }

    /// <summary>Loads every configured key, or throws with all the problems.</summary>
    public static List<RSA> LoadOrThrow(VapiEncryptionOptions options, string sectionPath)
    {
        var keys = new List<RSA>();
        var problems = new List<string>();
        foreach (var (key, problem) in LoadAll(options, sectionPath))
        {
            if (key is not null)
            {
                keys.Add(key);
            }
            else
            {
                problems.Add(problem!);
            }
        }

        if (problems.Count > 0)
        {
            foreach (var key in keys)
            {
                key.Dispose();
            }

            throw new InvalidOperationException(string.Join(Environment.NewLine, problems));
        }

        return keys;
    }

    private static (RSA? Key, string? Problem) Load(string? text, string entry, bool fromFile)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, fromFile
                ? $"{entry} is empty: it must hold a PEM private key."
                : $"{entry} is empty: remove the entry or set a PEM private key.");
        }

        // An environment variable often carries the PEM on one line with literal \n for the line breaks.
        if (!text.Contains('\n', StringComparison.Ordinal) && text.Contains("\\n", StringComparison.Ordinal))
        {
            text = text.Replace("\\n", "\n", StringComparison.Ordinal);
        }

        if (!PemEncoding.TryFind(text, out var fields))
        {
            if (text.Contains("-----BEGIN ", StringComparison.Ordinal))
            {
                return (null, $"{entry} is damaged PEM (its base64 does not decode, or its END line is missing or does not match BEGIN): paste the whole file 'openssl genrsa -out private-key.pem 2048' wrote, line breaks included.");
            }

            return (null, fromFile
                ? $"{entry} is not PEM: it must start with '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----'."
                : $"{entry} is not PEM text: it must start with '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----'; to load the key from a file, list its path under PrivateKeyFiles instead.");
        }

        var label = text.AsSpan()[fields.Label];
        switch (label)
        {
            case "PUBLIC KEY" or "RSA PUBLIC KEY" or "CERTIFICATE":
                return (null, $"{entry} is a public key ({label.ToString()}): the public key goes into Vapi's credential; configure the private key here ('-----BEGIN PRIVATE KEY-----').");
            case "ENCRYPTED PRIVATE KEY":
                return (null, $"{entry} is protected by a passphrase, which is not supported: store it unencrypted in a secret store ('openssl pkey -in encrypted.pem -out private-key.pem').");
            case "PRIVATE KEY" or "RSA PRIVATE KEY":
                break;
            default:
                return (null, $"{entry} is a '{label.ToString()}' PEM block: Vapi encrypts with RSA-OAEP-256, so configure an RSA private key ('-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----').");
        }

        var rsa = RSA.Create();
        try
        {
            var der = Convert.FromBase64String(text[fields.Base64Data]);
            try
            {
                if (label is "RSA PRIVATE KEY")
                {
                    rsa.ImportRSAPrivateKey(der, out _);
                }
                else
                {
                    rsa.ImportPkcs8PrivateKey(der, out _);
                }
            }
            finally
            {
                CryptographicOperations.ZeroMemory(der);
            }
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            rsa.Dispose();
            return (null, $"{entry} does not hold a readable RSA private key ({(ex is FormatException ? "its base64 is damaged" : "the key data is not an RSA private key")}): paste the whole file 'openssl genrsa -out private-key.pem 2048' wrote.");
        }

        if (rsa.KeySize < VapiEncryptionOptions.MinimumKeySizeInBits)
        {
            var size = rsa.KeySize;
            rsa.Dispose();
            return (null, $"{entry} is a {size}-bit key: use {VapiEncryptionOptions.MinimumKeySizeInBits} bits or more ('openssl genrsa -out private-key.pem 2048') and paste its public key into Vapi.");
        }

        return (rsa, null);
    }
}
