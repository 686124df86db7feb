using System.Net;
using System.Net.Sockets;

namespace VapiWebhooks.Simulator.Tests;

public class BadInputTests
{
    [Fact]
    public async Task An_unreachable_url_is_one_line_and_exit_2()
    {
        var run = await Simulator.RunAsync("call", "--url", $"http://127.0.0.1:{UnusedPort()}/vapi/webhook", "--json");

        AssertBadInput(run, "cannot reach");
    }

    [Fact]
    public async Task An_unreachable_url_leaves_the_plain_timeline_empty()
    {
        var run = await Simulator.RunAsync("call", "--url", $"http://127.0.0.1:{UnusedPort()}/vapi/webhook");

        AssertBadInput(run, "cannot reach");
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task An_unreadable_file_is_one_line_and_exit_2()
    {
        var run = await Simulator.RunAsync("send", Path.Combine(Path.GetTempPath(), "no-such-vapi-body.json"), "--url", "http://127.0.0.1:9/");

        AssertBadInput(run, "no such file or folder");
    }

    [Fact]
    public async Task A_file_that_is_not_a_vapi_message_is_one_line_and_exit_2()
    {
        var file = ScenarioCommandTests.WriteScenario("""{"hello": "world"}""");

        var run = await Simulator.RunAsync("send", file, "--url", "http://127.0.0.1:9/");

        AssertBadInput(run, "is not a Vapi message");
    }

    [Theory]
    [InlineData("""{"turns": []}""", ".json", "'turns' is missing or empty")]
    [InlineData("""{"turns": [{"user": "hi"}], "colour": "blue"}""", ".json", "colour")]
    [InlineData("""{"turns": [{"user": "hi", "toolCalls": [{"arguments": {}}]}]}""", ".json", "turns[0].toolCalls[0].name is missing")]
    [InlineData("""{"turns": [{"user": "hi"}], "expectAssistant": {"kind": "robot"}}""", ".json", "expectAssistant.kind 'robot'")]
    [InlineData("{ not json", ".json", "invalid scenario")]
    [InlineData("turns:\n  - user: [unclosed", ".yaml", "invalid scenario")]
    public async Task An_invalid_scenario_is_one_line_and_exit_2(string content, string extension, string expected)
    {
        var file = ScenarioCommandTests.WriteScenario(content, extension);

        var run = await Simulator.RunAsync("scenario", file, "--url", "http://127.0.0.1:9/");

        AssertBadInput(run, expected);
    }

    [Theory]
    [InlineData(new[] { "call", "--url", "http://127.0.0.1:9/", "--frobnicate" }, "--frobnicate")]
    [InlineData(new[] { "call" }, "--url is required")]
    [InlineData(new[] { "dial" }, "dial")]
    [InlineData(new string[0], "Required command")]
    [InlineData(new[] { "call", "--url", "ftp://example.com/" }, "not an http or https URL")]
    [InlineData(new[] { "call", "--url", "http://127.0.0.1:9/", "--bearer", "a", "--vapi-secret", "b" }, "give one credential")]
    [InlineData(new[] { "call", "--url", "http://127.0.0.1:9/", "--signature-prefix", "sha256=" }, "--signature-prefix applies to --hmac-secret")]
    [InlineData(new[] { "call", "--url", "http://127.0.0.1:9/", "--hmac-secret", "s", "--payload-format", "{timestamp}.{oops}" }, "{oops}")]
    [InlineData(new[] { "call", "--url", "http://127.0.0.1:9/", "--hmac-algorithm", "md5", "--hmac-secret", "s" }, "md5")]
    [InlineData(new[] { "call", "--url", "http://127.0.0.1:9/", "--sample-rate", "12345" }, "--sample-rate 12345")]
    [InlineData(new[] { "scenario", "missing-scenario.yaml" }, "cannot read scenario")]
    public async Task Bad_options_are_one_line_and_exit_2(string[] args, string expected)
    {
        var run = await Simulator.RunAsync(args);

        AssertBadInput(run, expected);
    }

    private static void AssertBadInput(SimulatorRun run, string expected)
    {
        run.ExitCode.Should().Be(ExitCodes.BadInput, run.ToString());
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(run.ToString()).Which.Should().StartWith("vapi-sim: ").And.Contain(expected);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
