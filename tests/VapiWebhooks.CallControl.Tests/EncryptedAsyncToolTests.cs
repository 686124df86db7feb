using VapiWebhooks.Testing;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>An async tool runs after the reply, in a scope of its own: its encrypted arguments are decrypted in the request, before it starts.</summary>
public sealed class EncryptedAsyncToolTests : IAsyncLifetime
{
    private CallControlRecorder _recorder = null!;

    public async Task InitializeAsync() => _recorder = await CallControlRecorder.StartAsync();

    public async Task DisposeAsync() => await _recorder.DisposeAsync();

    [Fact]
    public async Task An_async_tool_receives_its_encrypted_argument_as_plaintext()
    {
        var key = TestKeyPair.Rsa2048;
        await using var host = await VapiTestHost.StartAsync(
            vapi =>
            {
                vapi.AddCallControl(o =>
                {
                    o.AllowLoopback = true;
                    o.RetryDelay = TimeSpan.FromMilliseconds(1);
                });
                vapi.AddTool<AsyncToolTests.SmsArgs>("send_confirmation", (args, _) => $"SMS sent to {args.Phone}.");
            },
            configuration: new Dictionary<string, string?> { ["Vapi:Webhooks:Authentication:Encryption:PrivateKeys:0"] = key.PrivateKeyPkcs8Pem });
        var call = new TestToolCall("send_confirmation", """{"phone":"+14155550123"}""", Id: "call_sms", Async: true) { EncryptedPaths = ["phone"], PublicKeyPem = key.PublicKeyPem };
        var message = _recorder.UseFor(VapiTestMessages.ToolCalls(call));

        using var response = await host.Client.PostVapiMessageAsync(message);
        (await response.ReadToolResultsAsync()).Single().Error.Should().BeNull();
        var delivered = await _recorder.WaitForCommandAsync();

        delivered.Content.Should().Contain("SMS sent to +14155550123.");
    }
}
