using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VapiWebhooks.Encryption;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Encryption;

/// <summary>The public decryptor, for fields other than tool arguments.</summary>
public class VapiFieldDecryptorTests
{
    private static VapiFieldDecryptor For(params TestKeyPair[] keys)
        => VapiFieldDecryptor.Create(new VapiEncryptionOptions { PrivateKeys = [.. keys.Select(k => k.PrivateKeyPkcs8Pem)] });

    [Fact]
    public void Decrypts_what_an_independent_OAEP_SHA256_encryption_produced()
    {
        var key = TestKeyPair.Rsa2048;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PublicKeyPem);
        var ciphertext = Convert.ToBase64String(rsa.Encrypt(Encoding.UTF8.GetBytes("1990-04-12 · ünïcode"), RSAEncryptionPadding.OaepSHA256));

        For(key).Decrypt(ciphertext).Should().Be("1990-04-12 · ünïcode");
    }

    [Fact]
    public void Refuses_ciphertext_made_with_SHA1_padding()
    {
        var key = TestKeyPair.Rsa2048;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PublicKeyPem);
        var sha1 = Convert.ToBase64String(rsa.Encrypt("x"u8.ToArray(), RSAEncryptionPadding.OaepSHA1));

        For(key).TryDecrypt(sha1, out _, out var failure).Should().BeFalse();
        failure.Should().Be(VapiDecryptionFailure.NoMatchingKey);
    }

    [Fact]
    public void Decrypts_paths_inside_arrays_and_leaves_the_rest()
    {
        var key = TestKeyPair.Rsa2048;
        var json = VapiTestEncryption.EncryptPaths("""{"cards":[{"number":"4111"},{"number":"5500"}],"note":"keep"}""", ["cards[0].number", "cards.1.number", "absent.path"], key.PublicKeyPem);

        var plain = For(key).DecryptPaths(JsonElement.Parse(json), ["cards[0].number", "cards.1.number", "absent.path"]);

        plain.GetRawText().Should().Be("""{"cards":[{"number":"4111"},{"number":"5500"}],"note":"keep"}""");
    }

    [Fact]
    public void Without_keys_says_so()
    {
        VapiFieldDecryptor.None.HasKeys.Should().BeFalse();
        FluentActions.Invoking(() => VapiFieldDecryptor.None.Decrypt("AAAA")).Should().Throw<VapiDecryptionException>()
            .Which.Failure.Should().Be(VapiDecryptionFailure.NoKeyConfigured);
    }
}
