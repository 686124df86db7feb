using System.Text.Json;
using VapiWebhooks.Simulator;
using VapiWebhooks.Testing;
using Xunit.Abstractions;

namespace VapiWebhooks.SampleHost.Tests;

/// <summary>
/// vapi-sim's <c>call</c> against the sample host running as a real process with espeak-ng: a whole simulated call
/// (assistant-request, status updates, the four tools with generated arguments, knowledge base, endpointing,
/// end-of-call report) must follow Vapi's contract with no violation. espeak-ng is required so that the assistant is the
/// one a user with the voice installed gets (custom-voice); vapi-sim itself only posts voice-requests to the URL under
/// test, and the sample serves its voice at /vapi/voice, so the voice is covered by VoiceTests, not here.
/// </summary>
[Collection(RealProcesses.Name)]
public sealed class SimulatorAgainstSampleHostTests(ITestOutputHelper output)
{
    private const string Token = "simulator-test-token-5e0d7c3b9a1f48e2b6c4d2a0f8e6c4b2";

    [RequiresToolFact("espeak-ng", InstallHint = "sudo apt-get install -y espeak-ng")]
    public async Task A_simulated_call_against_the_sample_host_has_no_violations()
    {
        SystemTool.Require("espeak-ng", "sudo apt-get install -y espeak-ng");

        var host = SampleHostProcess.Start(new Dictionary<string, string?>
        {
            ["Vapi__Webhooks__Authentication__Bearer__Tokens__0"] = Token,
        });
        try
        {
            await host.WaitUntilReadyAsync();
            await WarmUp(host);

            using var stdout = new StringWriter();
            using var stderr = new StringWriter();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var exitCode = await SimulatorApp.RunAsync(
                ["call", "--url", new Uri(host.BaseAddress, "/vapi/webhook").ToString(), "--bearer", Token, "--json"],
                stdout,
                stderr,
                timeout.Token);
            output.WriteLine(stdout.ToString());

            stderr.ToString().Should().BeEmpty();
            using var report = JsonDocument.Parse(stdout.ToString());
            var steps = report.RootElement.GetProperty("steps").EnumerateArray().ToList();
            var violations = steps
                .SelectMany(step => step.GetProperty("violations").EnumerateArray().Select(v =>
                    $"step {step.GetProperty("index").GetInt32()} {step.GetProperty("label").GetString()}: [{v.GetProperty("rule").GetString()}] {v.GetProperty("message").GetString()}"))
                .ToList();
            violations.Should().BeEmpty("vapi-sim should find no violation (the report and the sample's output are in the test output)");
            report.RootElement.GetProperty("violationCount").GetInt32().Should().Be(0);
            report.RootElement.GetProperty("passed").GetBoolean().Should().BeTrue();
            exitCode.Should().Be(ExitCodes.Clean);

            // The call really exercised the sample: its tools, knowledge base and endpointing. Not its custom voice: vapi-sim
            // posts voice-requests only to the URL under test, and the sample's voice lives at /vapi/voice.
            var types = steps.Select(s => s.GetProperty("type").GetString()).ToList();
            types.Should().Contain(["assistant-request", "tool-calls", "knowledge-base-request", "call.endpointing.request", "end-of-call-report"]);
            steps.Count(s => s.GetProperty("type").GetString() == "tool-calls").Should().BeGreaterThanOrEqualTo(4, "the sample offers four tools");
        }
        finally
        {
            await host.DisposeAsync();
            output.WriteLine("sample output:\n" + host.Process.Output);
        }
    }

    /// <summary>
    /// One request first, as the sample's README advises before real traffic: the first one pays for JIT compilation,
    /// which on a small, busy machine can eat most of the assistant-request's 7.5 s.
    /// </summary>
    private static async Task WarmUp(SampleHostProcess host)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostVapiMessageAsync(VapiTestMessages.AssistantRequest(), "/vapi/webhook", VapiTestCredential.Bearer(Token));
        response.IsSuccessStatusCode.Should().BeTrue("the warm-up assistant-request should succeed; got {0}", response.StatusCode);
    }
}
