using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VapiWebhooks.Encryption;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Encryption;

/// <summary>A private key that cannot decrypt stops the app at start-up, with a message that names the entry and says what to do, never the key.</summary>
public class PrivateKeyValidationTests
{
    private const string Section = "Vapi:Webhooks:Authentication:Encryption";

    public static TheoryData<string, string, string> BadKeys()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var small = RSA.Create(1024);
        var key = TestKeyPair.Rsa2048;
        using var rsa = RSA.Create();
        rsa.ImportFromPem(key.PrivateKeyPkcs8Pem);
        var encrypted = rsa.ExportEncryptedPkcs8PrivateKeyPem("passphrase", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000));
        var damaged = key.PrivateKeyPkcs8Pem.Replace(key.PrivateKeyBody, key.PrivateKeyBody[..20] + "!!!!" + key.PrivateKeyBody[24..], StringComparison.Ordinal);
        return new()
        {
            { "public key", key.PublicKeyPem, "is a public key" },
            { "passphrase", encrypted, "protected by a passphrase" },
            { "EC key", ec.ExportPkcs8PrivateKeyPem(), "not an RSA private key" },
            { "1024 bits", small.ExportPkcs8PrivateKeyPem(), "is a 1024-bit key" },
            { "a path", "/etc/vapi/private-key.pem", "PrivateKeyFiles" },
            { "damaged base64", damaged, "damaged" },
        };
    }

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task A_bad_private_key_fails_start_up_naming_the_entry(string kind, string pem, string expected)
    {
        var configuration = new Dictionary<string, string?> { [$"{Section}:PrivateKeys:0"] = TestKeyPair.Rsa2048.PrivateKeyPkcs8Pem, [$"{Section}:PrivateKeys:1"] = pem };

        var thrown = await FluentActions.Awaiting(() => VapiTestHost.StartAsync(configuration: configuration)).Should().ThrowAsync<OptionsValidationException>(kind);

        thrown.Which.Message.Should().Contain($"{Section}:PrivateKeys:1").And.Contain(expected).And.NotContain($"{Section}:PrivateKeys:0");
        foreach (var line in pem.Split('\n').Where(l => l.Length > 16 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            thrown.Which.Message.Should().NotContain(line, "key material never reaches an exception");
        }
    }

    [Fact]
    public async Task A_missing_key_file_fails_start_up_with_its_path()
    {
        var missing = Path.Combine(Path.GetTempPath(), "vapi-missing-" + Guid.NewGuid().ToString("N") + ".pem");

        var thrown = await FluentActions.Awaiting(() => VapiTestHost.StartAsync(configuration: new Dictionary<string, string?> { [$"{Section}:PrivateKeyFiles:0"] = missing }))
            .Should().ThrowAsync<OptionsValidationException>();

        thrown.Which.Message.Should().Contain($"{Section}:PrivateKeyFiles:0").And.Contain(missing).And.Contain("does not exist");
    }

    [Fact]
    public async Task A_key_file_and_a_key_with_escaped_line_breaks_both_load_and_decrypt()
    {
        var fromFile = TestKeyPair.Rsa2048;
        var fromEnvironment = TestKeyPair.Rsa2048Other;
        var file = Path.Combine(Path.GetTempPath(), "vapi-key-" + Guid.NewGuid().ToString("N") + ".pem");
        await File.WriteAllTextAsync(file, fromFile.PrivateKeyPkcs1Pem);
        try
        {
            await using var host = await VapiTestHost.StartAsync(
                vapi => vapi.AddTool<IdentityArgs>("verify_identity", System.Text.Json.JsonSerializerOptions.Web, (args, _, _) => Task.FromResult<object?>(args.Ssn)),
                configuration: new Dictionary<string, string?>
                {
                    [$"{Section}:PrivateKeyFiles:0"] = file,
                    [$"{Section}:PrivateKeys:0"] = fromEnvironment.PrivateKeyPkcs8Pem.Replace("\n", "\\n", StringComparison.Ordinal),
                });

            using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(
                new TestToolCall("verify_identity", """{"fullName":"F","ssn":"file"}""") { EncryptedPaths = ["ssn"], PublicKeyPem = fromFile.PublicKeyPem },
                new TestToolCall("verify_identity", """{"fullName":"E","ssn":"env"}""") { EncryptedPaths = ["ssn"], PublicKeyPem = fromEnvironment.PublicKeyPem }));

            (await response.ReadToolResultsAsync()).Select(r => r.Result).Should().Equal("file", "env");
        }
        finally
        {
            File.Delete(file);
        }
    }
}
