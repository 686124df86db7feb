using System.Security.Cryptography;
using VapiWebhooks.Encryption;
using VapiWebhooks.Security;

namespace VapiWebhooks.Simulator.Tests;

/// <summary>
/// <c>call --encrypt-path PATH --public-key FILE</c> encrypts tool arguments as Vapi does with a credential's
/// <c>encryptionPlan</c>, so a server's private-key configuration is checked end to end against a real host.
/// </summary>
public sealed class EncryptionTests : IDisposable
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly string _publicKeyFile = Path.Combine(Path.GetTempPath(), "vapi-sim-public-" + Guid.NewGuid().ToString("N") + ".pem");

    public EncryptionTests() => File.WriteAllText(_publicKeyFile, _key.ExportSubjectPublicKeyInfoPem());

    public void Dispose()
    {
        File.Delete(_publicKeyFile);
        _key.Dispose();
    }

    private static Action<VapiAuthenticationOptions> CredentialWith(string? privateKeyPem) => o =>
    {
        o.Bearer = new VapiBearerOptions { Tokens = [VapiTestHost.Token] };
        if (privateKeyPem is not null)
        {
            o.Encryption = new VapiEncryptionOptions { PrivateKeys = [privateKeyPem] };
        }
    };

    [Fact]
    public async Task A_host_with_the_private_key_gets_plaintext_a_string_and_a_number_alike()
    {
        await using var host = await TestHost.StartAsync(credential: CredentialWith(_key.ExportPkcs8PrivateKeyPem()));

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--strict",
            "--encrypt-path", "name", "--encrypt-path", "partySize", "--public-key", _publicKeyFile);

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Report.GetProperty("toolErrorCount").GetInt32().Should().Be(0, run.ToString());
        var booking = run.Steps.Single(s => s.GetProperty("label").GetString() == "tool-calls book_appointment");
        booking.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.StartsWith("result \"Booked Jordan Lee", StringComparison.Ordinal), "the name arrived encrypted and was decrypted before binding");
    }

    [Fact]
    public async Task A_host_without_the_private_key_answers_an_error_naming_the_argument()
    {
        await using var host = await TestHost.StartAsync(credential: CredentialWith(null));

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", VapiTestHost.Token, "--json",
            "--encrypt-path", "name", "--public-key", _publicKeyFile);

        var errors = run.Steps.Where(s => s.TryGetProperty("toolErrors", out var e) && e.ValueKind == System.Text.Json.JsonValueKind.Array)
            .SelectMany(s => s.GetProperty("toolErrors").EnumerateArray().Select(e => e.GetString()!)).ToList();
        errors.Should().ContainSingle(run.ToString()).Which.Should().Contain("book_appointment").And.Contain("'name'").And.Contain("no private key is configured");
    }

    [Fact]
    public async Task Encrypt_path_without_a_public_key_and_a_file_that_is_not_a_key_are_bad_input()
    {
        var notAKey = Path.Combine(Path.GetTempPath(), "vapi-sim-not-a-key-" + Guid.NewGuid().ToString("N") + ".pem");
        await File.WriteAllTextAsync(notAKey, "hello");
        try
        {
            var withoutKey = await Simulator.RunAsync("call", "--url", "http://127.0.0.1:9/", "--encrypt-path", "ssn");
            var badKey = await Simulator.RunAsync("call", "--url", "http://127.0.0.1:9/", "--encrypt-path", "ssn", "--public-key", notAKey);
            var keyAlone = await Simulator.RunAsync("call", "--url", "http://127.0.0.1:9/", "--public-key", _publicKeyFile);

            withoutKey.ExitCode.Should().Be(ExitCodes.BadInput, withoutKey.ToString());
            withoutKey.Stderr.Should().Contain("--encrypt-path needs --public-key");
            badKey.ExitCode.Should().Be(ExitCodes.BadInput, badKey.ToString());
            badKey.Stderr.Should().Contain("is not a PEM RSA public key");
            keyAlone.ExitCode.Should().Be(ExitCodes.BadInput, keyAlone.ToString());
            keyAlone.Stderr.Should().Contain("--public-key applies to --encrypt-path");
        }
        finally
        {
            File.Delete(notAKey);
        }
    }
}
