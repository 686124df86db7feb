using VapiWebhooks.CallControl;
using VapiWebhooks.Testing.CallControl;

namespace VapiWebhooks.CallControl.Tests;

/// <summary>
/// A control URL arrives in a message, so it is input: only https URLs on Vapi's hosts (or configured ones) are
/// followed, loopback only in Development or when allowed. Nothing is sent to any other URL.
/// </summary>
public sealed class ControlUrlAllowListTests
{
    [Theory]
    [InlineData("https://phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai/c1/control", true)]
    [InlineData("https://aws-us-west-2-production1-phone-call-websocket.vapi.ai/c1/control", true)]
    [InlineData("https://PHONE-CALL-WEBSOCKET.VAPI.AI./c1/control", true)]
    [InlineData("http://phone-call-websocket.vapi.ai/c1/control", false)]
    [InlineData("https://vapi.ai.attacker.example/c1/control", false)]
    [InlineData("https://evilvapi.ai/c1/control", false)]
    [InlineData("https://vapi.ai/c1/control", false)]
    [InlineData("https://user:pass@phone-call-websocket.vapi.ai/c1/control", false)]
    [InlineData("https://169.254.169.254/latest/meta-data", false)]
    [InlineData("http://127.0.0.1:1/c1/control", false)]
    [InlineData("http://localhost:1/c1/control", false)]
    [InlineData("http://[::1]:1/c1/control", false)]
    public async Task Only_https_on_Vapi_hosts_is_followed_by_default(string url, bool allowed)
    {
        await using var socket = await HangingServer.StartAsync();
        await using var services = Redirected(socket, o => { }, allowLoopback: false);

        var result = await services.Factory.ForControlUrl(new Uri(url), "c1").EndCallAsync();

        if (allowed)
        {
            // The connection was made (to the local socket standing in for Vapi), and went unanswered.
            result.Status.Should().Be(CallControlStatus.Failed);
            (await socket.WaitForConnectionsAsync(1)).Should().Be(1);
        }
        else
        {
            result.Status.Should().Be(CallControlStatus.UrlNotAllowed);
            result.StatusCode.Should().BeNull();
            socket.Connections.Should().Be(0);
        }
    }

    [Fact]
    public async Task A_disallowed_url_sends_nothing_and_logs_the_host_not_the_path()
    {
        await using var recorder = await CallControlRecorder.StartAsync();
        await using var services = new CallControlServices(environment: "Production", allowLoopback: false);

        var result = await services.Factory.ForControlUrl(recorder.ControlUrlFor("secret-call"), "secret-call").SayAsync("hi");

        result.Status.Should().Be(CallControlStatus.UrlNotAllowed);
        recorder.Requests.Should().Be(0);
        services.Logs.Entries.Should().Contain(e => e.Text.Contains("127.0.0.1", StringComparison.Ordinal) && e.Text.Contains("AllowedHosts", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Loopback_is_followed_in_Development()
    {
        await using var recorder = await CallControlRecorder.StartAsync();
        await using var services = new CallControlServices(environment: "Development", allowLoopback: false);

        var result = await services.Factory.ForControlUrl(recorder.ControlUrlFor("dev-call"), "dev-call").SayAsync("hi");

        result.Status.Should().Be(CallControlStatus.Sent);
        recorder.Commands.Should().ContainSingle(c => c.CallId == "dev-call");
    }

    [Theory]
    [InlineData("calls.example.com", "https://calls.example.com/c1/control", true)]
    [InlineData("*.example.com", "https://eu.calls.example.com/c1/control", true)]
    [InlineData("*.example.com", "https://example.com/c1/control", false)]
    [InlineData("calls.example.com", "https://calls.example.com.evil.test/c1/control", false)]
    public async Task Allowed_hosts_are_an_option(string entry, string url, bool allowed)
    {
        await using var socket = await HangingServer.StartAsync();
        await using var services = Redirected(socket, o => o.AllowedHosts.Add(entry), allowLoopback: false);

        var result = await services.Factory.ForControlUrl(new Uri(url), "c1").EndCallAsync();

        result.Status.Should().Be(allowed ? CallControlStatus.Failed : CallControlStatus.UrlNotAllowed);
        (await socket.WaitForConnectionsAsync(allowed ? 1 : 0)).Should().Be(allowed ? 1 : 0);
    }

    // Every connection goes to the local socket, whatever the URL says: nothing leaves the machine. One attempt,
    // no retry: the socket never answers. 2 s leaves room for a loaded machine to connect before the attempt ends.
    private static CallControlServices Redirected(HangingServer socket, Action<VapiCallControlOptions> configure, bool allowLoopback) =>
        new(
            o =>
            {
                o.AttemptTimeout = TimeSpan.FromSeconds(2);
                o.MaxRetryAttempts = 0;
                configure(o);
            },
            environment: "Production",
            allowLoopback: allowLoopback,
            connectTo: socket.Port);
}
