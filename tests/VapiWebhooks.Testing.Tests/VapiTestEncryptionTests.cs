using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Testing;

/// <summary>The Testing package encrypts as Vapi does (RSA-OAEP, SHA-256, MGF1 SHA-256, base64), checked with a plain RSA decryption.</summary>
public class VapiTestEncryptionTests
{
    private static string Decrypt(string base64, TestKeyPair key)
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivateKeyPkcs8Pem);
        return Encoding.UTF8.GetString(rsa.Decrypt(Convert.FromBase64String(base64), RSAEncryptionPadding.OaepSHA256));
    }

    [Fact]
    public void Encrypt_is_OAEP_SHA256_over_the_UTF8_text_and_randomised()
    {
        var key = TestKeyPair.Rsa2048;

        var first = VapiTestEncryption.Encrypt("078-05-1120 · é", key.PublicKeyPem);
        var second = VapiTestEncryption.Encrypt("078-05-1120 · é", key.PublicKeyPem);

        Decrypt(first, key).Should().Be("078-05-1120 · é");
        Convert.FromBase64String(first).Length.Should().Be(256, "RSA ciphertext is the size of the 2048-bit modulus");
        second.Should().NotBe(first, "OAEP padding is random, as Vapi's is");
    }

    [Fact]
    public void EncryptPaths_encrypts_strings_as_text_and_other_values_as_their_JSON_and_skips_absent_paths()
    {
        var key = TestKeyPair.Rsa2048;

        var json = VapiTestEncryption.EncryptPaths("""{"payment":{"cardNumber":"4111","cvv":737},"consent":true,"note":"keep"}""", ["payment.cardNumber", "payment.cvv", "consent", "absent"], key.PublicKeyPem);

        var root = JsonElement.Parse(json);
        Decrypt(root.GetProperty("payment").GetProperty("cardNumber").GetString()!, key).Should().Be("4111");
        Decrypt(root.GetProperty("payment").GetProperty("cvv").GetString()!, key).Should().Be("737");
        Decrypt(root.GetProperty("consent").GetString()!, key).Should().Be("true");
        root.GetProperty("note").GetString().Should().Be("keep");
        root.TryGetProperty("absent", out _).Should().BeFalse();
    }

    [Fact]
    public void A_test_tool_call_encrypts_its_paths_and_lists_them_unless_told_not_to()
    {
        var key = TestKeyPair.Rsa2048;
        var call = new TestToolCall("verify_identity", """{"ssn":"123"}""") { EncryptedPaths = ["ssn"], PublicKeyPem = key.PublicKeyPem };

        var listed = VapiTestMessages.ToolCalls(call);
        var unlisted = VapiTestMessages.ToolCalls(call with { ListEncryptedPaths = false });

        Decrypt(listed.ToolCallList![0].Function!.Arguments.GetProperty("ssn").GetString()!, key).Should().Be("123");
        listed.ToolWithToolCallList![0].Server!.EncryptedPaths.Should().Equal("ssn");
        unlisted.ToolWithToolCallList![0].Server!.EncryptedPaths.Should().BeNull();
        Decrypt(unlisted.ToolCallList![0].Function!.Arguments.GetProperty("ssn").GetString()!, key).Should().Be("123");
    }

    [Fact]
    public void Encrypted_paths_without_a_public_key_and_malformed_paths_are_refused()
    {
        var call = new TestToolCall("verify_identity", """{"ssn":"123"}""") { EncryptedPaths = ["ssn"] };

        FluentActions.Invoking(() => VapiTestMessages.ToolCalls(call)).Should().Throw<InvalidOperationException>().WithMessage("*PublicKeyPem*");
        FluentActions.Invoking(() => VapiTestEncryption.EncryptPaths("{}", ["cards[x]"], TestKeyPair.Rsa2048.PublicKeyPem)).Should().Throw<ArgumentException>().WithMessage("*cards[x]*");
    }
}
