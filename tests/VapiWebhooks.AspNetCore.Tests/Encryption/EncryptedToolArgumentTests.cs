using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VapiWebhooks.Encryption;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Responses;
using VapiWebhooks.Testing;
using VapiWebhooks.Tools;

namespace VapiWebhooks.Tests.Encryption;

public sealed record IdentityArgs(string FullName, string? Ssn = null);

public sealed record Payment(string CardNumber, int Cvv);

public sealed record CheckoutArgs(Payment Payment, int Quantity, bool Consent, decimal Amount);

/// <summary>
/// Tool arguments Vapi encrypted with the credential's public key arrive at the tool as plaintext, typed: all through HTTP,
/// with keys generated here and ciphertext produced as Vapi produces it (RSA-OAEP, SHA-256, MGF1 SHA-256, base64).
/// </summary>
public class EncryptedToolArgumentTests
{
    private const string KeysSection = "Vapi:Webhooks:Authentication:Encryption";

    private static Dictionary<string, string?> Keys(params string[] privateKeys)
    {
        var configuration = new Dictionary<string, string?>();
        for (var i = 0; i < privateKeys.Length; i++)
        {
            configuration[$"{KeysSection}:PrivateKeys:{i}"] = privateKeys[i];
        }

        return configuration;
    }

    private static void IdentityTool(VapiWebhooksBuilder vapi)
        => vapi.AddTool<IdentityArgs>("verify_identity", JsonSerializerOptions.Web, (args, _, _) => Task.FromResult<object?>($"{args.FullName}|{args.Ssn ?? "none"}"));

    private static TestToolCall Identity(string argumentsJson, TestKeyPair key, string id = "call_identity")
        => new("verify_identity", argumentsJson, Id: id) { EncryptedPaths = ["ssn"], PublicKeyPem = key.PublicKeyPem };

    [Theory]
    [InlineData(2048)]
    [InlineData(4096)]
    public async Task An_encrypted_argument_reaches_the_tool_as_plaintext(int bits)
    {
        var key = TestKeyPair.Of(bits);
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs8Pem));
        var message = VapiTestMessages.ToolCalls(Identity("""{"fullName":"Dana Whitfield","ssn":"078-05-1120"}""", key));
        var sent = message.ToolCallList![0].Function!.Arguments.GetProperty("ssn").GetString();
        sent.Should().NotContain("078-05-1120", "the builder encrypts as Vapi does");
        Convert.FromBase64String(sent!).Length.Should().Be(bits / 8, "RSA ciphertext is the size of the modulus");

        using var response = await host.Client.PostVapiMessageAsync(message);

        var result = (await response.ReadToolResultsAsync()).Should().ContainSingle().Subject;
        result.Error.Should().BeNull();
        result.Result.Should().Be("Dana Whitfield|078-05-1120");
    }

    [Fact]
    public async Task A_PKCS1_private_key_decrypts_too()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs1Pem));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(Identity("""{"fullName":"A","ssn":"123456789"}""", key)));

        (await response.ReadToolResultsAsync()).Single().Result.Should().Be("A|123456789", "a numeric-looking value stays a string for a string property");
    }

    [Fact]
    public async Task During_a_rotation_a_value_encrypted_for_the_second_key_decrypts()
    {
        var current = TestKeyPair.Rsa2048;
        var previous = TestKeyPair.Rsa2048Other;
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(current.PrivateKeyPkcs8Pem, previous.PrivateKeyPkcs8Pem));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(
            Identity("""{"fullName":"Old","ssn":"111-22-3333"}""", previous, "call_old"),
            Identity("""{"fullName":"New","ssn":"444-55-6666"}""", current, "call_new")));

        var results = await response.ReadToolResultsAsync();
        results.Select(r => r.Result).Should().Equal("Old|111-22-3333", "New|444-55-6666");
    }

    [Fact]
    public async Task Nested_paths_numbers_and_booleans_bind_as_their_types()
    {
        var key = TestKeyPair.Rsa2048;
        CheckoutArgs? bound = null;
        await using var host = await VapiTestHost.StartAsync(
            vapi => vapi.AddTool<CheckoutArgs>("checkout", JsonSerializerOptions.Web, (args, _, _) =>
            {
                bound = args;
                return Task.FromResult<object?>("ok");
            }),
            configuration: Keys(key.PrivateKeyPkcs8Pem));
        var call = new TestToolCall("checkout", """{"payment":{"cardNumber":"4111111111111111","cvv":737},"quantity":3,"consent":true,"amount":19.99}""")
        {
            EncryptedPaths = ["payment.cardNumber", "payment.cvv", "quantity", "consent", "amount"],
            PublicKeyPem = key.PublicKeyPem,
        };

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(call));

        (await response.ReadToolResultsAsync()).Single().Error.Should().BeNull();
        bound.Should().Be(new CheckoutArgs(new Payment("4111111111111111", 737), 3, true, 19.99m));
    }

    [Fact]
    public async Task Arguments_in_a_JSON_string_are_decrypted_too()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs8Pem));
        var call = new TestToolCall("verify_identity", """{"fullName":"S","ssn":"987-65-4321"}""", ArgumentsAsString: true) { EncryptedPaths = ["ssn"], PublicKeyPem = key.PublicKeyPem };

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(call));

        (await response.ReadToolResultsAsync()).Single().Result.Should().Be("S|987-65-4321");
    }

    [Fact]
    public async Task A_corrupt_value_fails_that_call_only_naming_the_argument_and_never_the_ciphertext()
    {
        var key = TestKeyPair.Rsa2048;
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs8Pem), logs: logs);
        var message = VapiTestMessages.ToolCalls(
            Identity("""{"fullName":"Bad","ssn":"078-05-1120"}""", key, "call_bad"),
            Identity("""{"fullName":"Good","ssn":"078-05-1120"}""", key, "call_good"));
        var function = message.ToolCallList![0].Function!;
        var ciphertext = Convert.FromBase64String(function.Arguments.GetProperty("ssn").GetString()!);
        ciphertext[10] ^= 0x5a;
        var corrupt = Convert.ToBase64String(ciphertext);
        function.Arguments = JsonElement.Parse($$"""{"fullName":"Bad","ssn":"{{corrupt}}"}""");

        using var response = await host.Client.PostVapiMessageAsync(message);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var results = await response.ReadToolResultsAsync();
        results[0].Result.Should().BeNull();
        results[0].Error.Should().Contain("'ssn'").And.Contain("could not be decrypted").And.NotContain(corrupt[..24]);
        results[1].Result.Should().Be("Good|078-05-1120", "one bad value fails its own call only");
        var warning = logs.Entries.Should().ContainSingle(e => e.EventId.Id == 1101).Subject;
        warning.Level.Should().Be(LogLevel.Warning);
        warning.Text.Should().Contain("ssn").And.Contain(nameof(VapiDecryptionFailure.NoMatchingKey));
        logs.AllText.Should().NotContain(corrupt[..24]).And.NotContain(key.PrivateKeyBody);
    }

    [Theory]
    [InlineData("\"not base64 at all!\"", nameof(VapiDecryptionFailure.NotBase64))]
    [InlineData("12345", nameof(VapiDecryptionFailure.NotAString))]
    public async Task A_value_that_is_not_ciphertext_fails_the_call(string ssnJson, string failure)
    {
        var key = TestKeyPair.Rsa2048;
        var logs = new CapturingLoggerProvider();
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs8Pem), logs: logs);
        var message = VapiTestMessages.ToolCalls(new TestToolCall("verify_identity", $$"""{"fullName":"X","ssn":{{ssnJson}}}"""));
        message.ToolWithToolCallList![0].Server!.EncryptedPaths = ["ssn"];

        using var response = await host.Client.PostVapiMessageAsync(message);

        (await response.ReadToolResultsAsync()).Single().Error.Should().Contain("'ssn'");
        logs.Entries.Should().ContainSingle(e => e.EventId.Id == 1101).Which.Text.Should().Contain(failure);
    }

    [Fact]
    public async Task An_encrypted_path_the_model_left_out_is_no_error()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs8Pem));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(Identity("""{"fullName":"No Ssn"}""", key)));

        (await response.ReadToolResultsAsync()).Single().Result.Should().Be("No Ssn|none");
    }

    [Fact]
    public async Task A_tool_without_encrypted_paths_is_untouched()
    {
        var key = TestKeyPair.Rsa2048;
        var ciphertextLookalike = VapiTestEncryption.Encrypt("secret", key.PublicKeyPem);
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: Keys(key.PrivateKeyPkcs8Pem));

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(
            new TestToolCall("verify_identity", $$"""{"fullName":"Plain","ssn":"{{ciphertextLookalike}}"}""")));

        (await response.ReadToolResultsAsync()).Single().Result.Should().Be($"Plain|{ciphertextLookalike}", "only declared paths are decrypted");
    }

    [Fact]
    public async Task Paths_declared_at_registration_are_decrypted_when_Vapi_does_not_list_them()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(
            vapi =>
            {
                IdentityTool(vapi);
                vapi.DecryptArguments("verify_identity", "ssn");
            },
            configuration: Keys(key.PrivateKeyPkcs8Pem));
        var call = Identity("""{"fullName":"Declared","ssn":"222-33-4444"}""", key) with { };
        var message = VapiTestMessages.ToolCalls(call with { ListEncryptedPaths = false });
        message.ToolWithToolCallList![0].Server!.EncryptedPaths.Should().BeNull("the message does not list the path");

        using var response = await host.Client.PostVapiMessageAsync(message);

        (await response.ReadToolResultsAsync()).Single().Result.Should().Be("Declared|222-33-4444");
    }

    [Fact]
    public async Task An_encrypted_argument_without_a_configured_key_fails_the_call_instead_of_binding_ciphertext()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(IdentityTool);

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(Identity("""{"fullName":"K","ssn":"1"}""", key)));

        var result = (await response.ReadToolResultsAsync()).Single();
        result.Result.Should().BeNull();
        result.Error.Should().Contain("'ssn'").And.Contain("no private key is configured");
    }

    [Fact]
    public async Task Each_endpoint_decrypts_with_the_keys_of_its_own_credential()
    {
        var assistantKey = TestKeyPair.Rsa2048;
        var toolsKey = TestKeyPair.Rsa2048Other;
        var configuration = Keys(assistantKey.PrivateKeyPkcs8Pem);
        configuration["Vapi:Webhooks:Credentials:tools:Bearer:Tokens:0"] = VapiTestHost.Token;
        configuration["Vapi:Webhooks:Credentials:tools:Encryption:PrivateKeys:0"] = toolsKey.PrivateKeyPkcs8Pem;
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: configuration, map: app =>
        {
            app.MapVapiWebhooks();
            app.MapVapiWebhooks("/vapi/tools", credentialName: "tools");
        });

        using var onTools = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(Identity("""{"fullName":"T","ssn":"5"}""", toolsKey)), "/vapi/tools");
        using var onDefault = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(Identity("""{"fullName":"T","ssn":"5"}""", toolsKey)));

        (await onTools.ReadToolResultsAsync()).Single().Result.Should().Be("T|5");
        (await onDefault.ReadToolResultsAsync()).Single().Error.Should().Contain("could not be decrypted", "the default credential holds another key");
    }

    [Fact]
    public async Task A_request_on_an_endpoint_whose_credential_has_no_key_is_not_decrypted_with_another_credentials_key()
    {
        var key = TestKeyPair.Rsa2048;
        var configuration = Keys(key.PrivateKeyPkcs8Pem);
        configuration["Vapi:Webhooks:Credentials:open:Bearer:Tokens:0"] = VapiTestHost.Token;
        await using var host = await VapiTestHost.StartAsync(IdentityTool, configuration: configuration, map: app =>
        {
            app.MapVapiWebhooks();
            app.MapVapiWebhooks("/vapi/open", credentialName: "open");
        });

        using var response = await host.Client.PostVapiMessageAsync(VapiTestMessages.ToolCalls(Identity("""{"fullName":"O","ssn":"7"}""", key)), "/vapi/open");

        (await response.ReadToolResultsAsync()).Single().Error.Should().Contain("no private key is configured");
    }

    [Fact]
    public async Task Outside_a_request_the_injected_decryptor_tries_the_keys_of_every_credential()
    {
        var assistantKey = TestKeyPair.Rsa2048;
        var toolsKey = TestKeyPair.Rsa2048Other;
        var configuration = Keys(assistantKey.PrivateKeyPkcs8Pem);
        configuration["Vapi:Webhooks:Credentials:tools:Bearer:Tokens:0"] = VapiTestHost.Token;
        configuration["Vapi:Webhooks:Credentials:tools:Encryption:PrivateKeys:0"] = toolsKey.PrivateKeyPkcs8Pem;
        await using var host = await VapiTestHost.StartAsync(configuration: configuration, map: app =>
        {
            app.MapVapiWebhooks();
            app.MapVapiWebhooks("/vapi/tools", credentialName: "tools");
        });

        // A scope of its own, as the inbox's workers and async tools have: which credential a message came through is not kept.
        await using var scope = host.Services.CreateAsyncScope();
        var decryptor = scope.ServiceProvider.GetRequiredService<VapiFieldDecryptor>();

        decryptor.Decrypt(VapiTestEncryption.Encrypt("for the default credential", assistantKey.PublicKeyPem)).Should().Be("for the default credential");
        decryptor.Decrypt(VapiTestEncryption.Encrypt("for the tools credential", toolsKey.PublicKeyPem)).Should().Be("for the tools credential");
    }

    [Fact]
    public async Task A_handler_of_another_message_type_decrypts_a_field_with_the_injected_decryptor()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(vapi => vapi.AddHandler<DecryptingHandoffHandler>(), configuration: Keys(key.PrivateKeyPkcs8Pem));
        var message = VapiTestMessages.HandoffDestinationRequest(VapiTestEncryption.EncryptPaths("""{"destination":"billing","accountNumber":"AC-991"}""", ["accountNumber"], key.PublicKeyPem));

        using var response = await host.Client.PostVapiMessageAsync(message);

        var reply = await response.ReadJsonAsync();
        reply.GetProperty("error").GetString().Should().Be("account AC-991");
    }

    /// <summary>Decrypts a handoff parameter with the request's decryptor (and answers with it, so the test can see it).</summary>
    public sealed class DecryptingHandoffHandler(VapiFieldDecryptor decryptor) : IHandoffDestinationRequestHandler
    {
        public Task<HandoffDestinationResponse> HandleAsync(HandoffDestinationRequestMessage message, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(message);
            var parameters = decryptor.DecryptPaths(message.Parameters!.Value, ["accountNumber"]);
            return Task.FromResult(HandoffDestinationResponse.Cancel("account " + parameters.GetProperty("accountNumber").GetString()));
        }
    }
}
