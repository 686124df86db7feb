using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VapiWebhooks.Encryption;

namespace VapiWebhooks.Testing;

/// <summary>
/// Encrypts values the way Vapi does for a credential with an <c>encryptionPlan</c> (RSA-OAEP with SHA-256 and MGF1 SHA-256
/// over the value's UTF-8 text, sent as base64), so that a test can check its private-key configuration end to end.
/// A string is encrypted as its text; a number, boolean, object or array as its JSON text.
/// </summary>
public static class VapiTestEncryption
{
    /// <summary>Encrypts one value's text.</summary>
    /// <param name="plaintext">The text.</param>
    /// <param name="publicKeyPem">The public key as pasted into Vapi (<c>-----BEGIN PUBLIC KEY-----</c>, SPKI PEM).</param>
    /// <returns>The base64 ciphertext.</returns>
    public static string Encrypt(string plaintext, string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        ArgumentException.ThrowIfNullOrWhiteSpace(publicKeyPem);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(publicKeyPem);
        return Convert.ToBase64String(rsa.Encrypt(Encoding.UTF8.GetBytes(plaintext), RSAEncryptionPadding.OaepSHA256));
    }

    /// <summary>Encrypts the values at <paramref name="paths"/> of a JSON object (<c>ssn</c>, <c>payment.cardNumber</c>, <c>cards[0].number</c>).</summary>
    /// <param name="json">The JSON object, for example a tool call's arguments.</param>
    /// <param name="paths">The paths to encrypt; absent ones are skipped, as Vapi skips them.</param>
    /// <param name="publicKeyPem">The public key (SPKI PEM).</param>
    /// <returns>The JSON object with those values replaced by base64 ciphertext.</returns>
    public static string EncryptPaths(string json, IEnumerable<string> paths, string publicKeyPem)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(paths);
        var root = JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("The JSON must be an object.", nameof(json));
        var element = JsonElement.Parse(json);
        foreach (var text in paths)
        {
            if (!JsonPath.TryParse(text, out var path))
            {
                throw new ArgumentException($"'{text}' is not a path such as \"payment.cardNumber\".", nameof(paths));
            }

            if (!path.TryFind(element, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            var plaintext = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
            path.Replace(root, JsonValue.Create(Encrypt(plaintext, publicKeyPem)));
        }

        return root.ToJsonString();
    }
}
