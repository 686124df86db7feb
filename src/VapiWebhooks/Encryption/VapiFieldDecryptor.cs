using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VapiWebhooks.Encryption;

/// <summary>
/// Decrypts values Vapi encrypted with a credential's public key (<c>encryptionPlan</c>: RSA-OAEP with SHA-256 and MGF1
/// SHA-256, sent as base64). Tool arguments named by <c>server.encryptedPaths</c> are decrypted before binding without any
/// code; use this for any other field (Vapi's <c>Server.encryptedPaths</c> applies to other requests too). In ASP.NET Core,
/// inject it into a handler: it holds the keys of the credential the request was authenticated with. Thread-safe.
/// </summary>
public sealed class VapiFieldDecryptor
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Imported keys are only read from here on; OpenSSL and CNG run operations on one key concurrently.
    private readonly RSA[] _keys;

    /// <summary>Creates a decryptor over private keys, tried in order (the newest first during a rotation).</summary>
    /// <param name="privateKeys">The RSA private keys; the decryptor keeps them for its lifetime.</param>
    public VapiFieldDecryptor(IEnumerable<RSA> privateKeys)
    {
        ArgumentNullException.ThrowIfNull(privateKeys);
        _keys = [.. privateKeys];
        foreach (var key in _keys)
        {
            ArgumentNullException.ThrowIfNull(key, nameof(privateKeys));
        }
    }

    /// <summary>A decryptor without keys: every decryption fails with <see cref="VapiDecryptionFailure.NoKeyConfigured"/>.</summary>
    public static VapiFieldDecryptor None { get; } = new([]);

    /// <summary>True when at least one private key is configured.</summary>
    public bool HasKeys => _keys.Length > 0;

    /// <summary>One decryptor over the keys of several, tried in order (no key is copied or imported again).</summary>
    internal static VapiFieldDecryptor Combine(IEnumerable<VapiFieldDecryptor> decryptors)
    {
        var keys = decryptors.SelectMany(d => d._keys).Distinct().ToArray();
        return keys.Length == 0 ? None : new VapiFieldDecryptor(keys);
    }

    /// <summary>Loads the keys <paramref name="options"/> configure.</summary>
    /// <param name="options">The keys (PEM text and files).</param>
    /// <param name="sectionPath">The configuration path error messages name.</param>
    /// <returns>The decryptor; <see cref="None"/> when no key is configured.</returns>
    /// <exception cref="InvalidOperationException">A key does not load; the message says which and why, without key material.</exception>
    public static VapiFieldDecryptor Create(VapiEncryptionOptions? options, string sectionPath = "Vapi:Webhooks:Authentication:Encryption")
    {
        if (options is null || !options.HasKeys)
        {
            return None;
        }

        return new VapiFieldDecryptor(PrivateKeyLoader.LoadOrThrow(options, sectionPath));
    }

    /// <summary>Decrypts one value.</summary>
    /// <param name="ciphertext">The base64 ciphertext as Vapi sent it.</param>
    /// <returns>The plaintext.</returns>
    /// <exception cref="VapiDecryptionException">It cannot be decrypted; the message never contains the value.</exception>
    public string Decrypt(string ciphertext)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        return TryDecrypt(ciphertext, out var plaintext, out var failure) ? plaintext : throw new VapiDecryptionException(failure, null);
    }

    /// <summary>Decrypts one value, or says why not.</summary>
    /// <param name="ciphertext">The base64 ciphertext as Vapi sent it.</param>
    /// <param name="plaintext">The plaintext, when it decrypts.</param>
    /// <param name="failure">Why it does not decrypt, otherwise.</param>
    /// <returns>True when it decrypts.</returns>
    public bool TryDecrypt(string ciphertext, [NotNullWhen(true)] out string? plaintext, out VapiDecryptionFailure failure)
    {
        ArgumentNullException.ThrowIfNull(ciphertext);
        plaintext = null;
        if (_keys.Length == 0)
        {
            failure = VapiDecryptionFailure.NoKeyConfigured;
            return false;
        }

        var maxLength = ciphertext.Length / 4 * 3 + 3;
        var encrypted = ArrayPool<byte>.Shared.Rent(maxLength);
        try
        {
            if (!Convert.TryFromBase64String(ciphertext, encrypted, out var length) || length == 0)
            {
                failure = VapiDecryptionFailure.NotBase64;
                return false;
            }

            return TryDecrypt(encrypted.AsSpan(0, length), out plaintext, out failure);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(encrypted);
        }
    }

    /// <summary>
    /// Decrypts the string values at <paramref name="paths"/> of a JSON object (dotted paths such as <c>payment.cardNumber</c>,
    /// with <c>[n]</c> or <c>.n</c> for array items) and returns a copy with the plaintext in their place, as strings.
    /// Absent paths and null values are left as they are.
    /// </summary>
    /// <param name="json">The JSON object, for example a request body's <c>parameters</c>.</param>
    /// <param name="paths">The encrypted paths, for example the <c>server.encryptedPaths</c> Vapi sent.</param>
    /// <returns>The object with the values decrypted; <paramref name="json"/> itself when none of the paths is present.</returns>
    /// <exception cref="VapiDecryptionException">A value cannot be decrypted; <see cref="VapiDecryptionException.Path"/> names it.</exception>
    public JsonElement DecryptPaths(JsonElement json, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        return DecryptPaths(json, paths, static (_, _) => EncryptedValueShape.Text);
    }

    internal JsonElement DecryptPaths(JsonElement json, IEnumerable<string> paths, Func<JsonPath, string, EncryptedValueShape> shapeOf)
    {
        if (json.ValueKind != JsonValueKind.Object)
        {
            return json;
        }

        JsonObject? root = null;
        foreach (var text in paths)
        {
            if (string.IsNullOrWhiteSpace(text) || !JsonPath.TryParse(text, out var path))
            {
                continue;
            }

            // Look first in the element, so that a message without the path costs no copy.
            if (!path.TryFind(json, out var found) || found.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (found.ValueKind != JsonValueKind.String)
            {
                throw new VapiDecryptionException(VapiDecryptionFailure.NotAString, text);
            }

            if (!TryDecrypt(found.GetString()!, out var plaintext, out var failure))
            {
                throw new VapiDecryptionException(failure, text);
            }

            root ??= JsonObject.Create(json.Clone())!;
            path.Replace(root, ToNode(plaintext, shapeOf(path, text)));
        }

        return root is null ? json : JsonElement.Parse(root.ToJsonString());
    }

    /// <summary>Describes the decryptor without revealing any key.</summary>
    public override string ToString() => $"{nameof(VapiFieldDecryptor)} {{ Keys = {_keys.Length} (redacted) }}";

    private bool TryDecrypt(ReadOnlySpan<byte> encrypted, [NotNullWhen(true)] out string? plaintext, out VapiDecryptionFailure failure)
    {
        plaintext = null;
        foreach (var key in _keys)
        {
            var modulusBytes = (key.KeySize + 7) / 8;
            if (encrypted.Length != modulusBytes)
            {
                // Ciphertext is always exactly the modulus size: another key's value, no need to try.
                continue;
            }

            var decrypted = ArrayPool<byte>.Shared.Rent(modulusBytes);
            try
            {
                if (!key.TryDecrypt(encrypted, decrypted, RSAEncryptionPadding.OaepSHA256, out var written))
                {
                    continue;
                }

                try
                {
                    plaintext = StrictUtf8.GetString(decrypted, 0, written);
                }
                catch (DecoderFallbackException)
                {
                    failure = VapiDecryptionFailure.NotUtf8;
                    return false;
                }
                finally
                {
                    CryptographicOperations.ZeroMemory(decrypted.AsSpan(0, written));
                }

                failure = default;
                return true;
            }
            catch (CryptographicException)
            {
                // Not this key (or damaged): try the next one. OAEP's check does not say which, by design.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(decrypted);
            }
        }

        failure = VapiDecryptionFailure.NoMatchingKey;
        return false;
    }

    private static JsonNode? ToNode(string plaintext, EncryptedValueShape shape)
    {
        if (shape == EncryptedValueShape.Json)
        {
            // A number, boolean, object or array was encrypted as its JSON text.
            try
            {
                return JsonNode.Parse(plaintext);
            }
            catch (JsonException)
            {
                return JsonValue.Create(plaintext);
            }
        }

        // A string encrypted as a JSON string literal ("\"123\"") is unwrapped; any other text is the string itself.
        if (plaintext.Length >= 2 && plaintext[0] == '"' && plaintext[^1] == '"')
        {
            try
            {
                if (JsonNode.Parse(plaintext) is JsonValue value && value.TryGetValue<string>(out var unwrapped))
                {
                    return JsonValue.Create(unwrapped);
                }
            }
            catch (JsonException)
            {
                // Not a literal: the quotes are part of the text.
            }
        }

        return JsonValue.Create(plaintext);
    }
}
