using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Encryption;
using VapiWebhooks.Messages;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Benchmarks.Encryption;

/// <summary>
/// One tool call through the dispatcher (DI scope, decryption stage, binding, the tool, the reply) with one argument Vapi
/// encrypted (RSA-OAEP-256, 2048 and 4096-bit keys) against the same call in plaintext: what one encrypted field costs,
/// and that a tool without encrypted paths pays nothing for the feature (the plaintext call runs with the keys configured);
/// <see cref="DecryptOneValue"/> is the RSA operation alone.
/// </summary>
[MemoryDiagnoser]
public class EncryptedToolCallBenchmarks
{
    private ServiceProvider _services = null!;
    private VapiMessageDispatcher _dispatcher = null!;
    private ToolCallsMessage _plain = null!;
    private ToolCallsMessage _encrypted = null!;
    private VapiFieldDecryptor _decryptor = null!;
    private string _ciphertext = null!;

    [Params(2048, 4096)]
    public int KeyBits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using var rsa = RSA.Create(KeyBits);
        var privateKey = rsa.ExportPkcs8PrivateKeyPem();
        var publicKey = rsa.ExportSubjectPublicKeyInfoPem();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddVapiWebhooksCore().AddTool<IdentityArgs>("verify_identity", JsonSerializerOptions.Web, static (args, _, _) => Task.FromResult<object?>(args.Ssn.Length > 0 ? "verified" : "missing"));
        _decryptor = VapiFieldDecryptor.Create(new VapiEncryptionOptions { PrivateKeys = [privateKey] });
        _ciphertext = VapiTestEncryption.Encrypt("078-05-1120", publicKey);
        services.AddSingleton(_decryptor);
        _services = services.BuildServiceProvider();
        _dispatcher = _services.GetRequiredService<VapiMessageDispatcher>();
        const string Arguments = """{"fullName":"Dana Whitfield","ssn":"078-05-1120"}""";
        _plain = VapiTestMessages.ToolCalls(new TestToolCall("verify_identity", Arguments, Id: "call_plain"));
        _encrypted = VapiTestMessages.ToolCalls(new TestToolCall("verify_identity", Arguments, Id: "call_encrypted") { EncryptedPaths = ["ssn"], PublicKeyPem = publicKey });
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Baseline = true)]
    public Task<VapiDispatchResult> PlaintextToolCall() => DispatchAsync(_plain);

    [Benchmark]
    public Task<VapiDispatchResult> OneEncryptedArgument() => DispatchAsync(_encrypted);

    /// <summary>The RSA private-key operation alone: what each encrypted value adds.</summary>
    [Benchmark]
    public string DecryptOneValue() => _decryptor.Decrypt(_ciphertext);

    private async Task<VapiDispatchResult> DispatchAsync(ServerMessage message)
    {
        await using var scope = _services.CreateAsyncScope();
        return await _dispatcher.DispatchAsync(message, scope.ServiceProvider).ConfigureAwait(false);
    }

    public sealed record IdentityArgs(string FullName, string Ssn);
}
