namespace VapiWebhooks.Simulator.Tests;

public class BrokenHostTests
{
    [Fact]
    public async Task A_result_for_the_wrong_toolCallId_is_reported()
    {
        await using var host = await TestHost.StartAsync(HostBreakage.WrongToolCallId);

        var run = await CallAsync(host);

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Violations.Where(v => v.Type == "tool-calls").Select(v => v.Rule).Should().Contain("tool-call-ids").And.OnlyContain(r => r == "tool-call-ids" || r == "expectation");
        run.Violations.Should().Contain(v => v.Message.Contains("call_not_the_one_sent", StringComparison.Ordinal) && v.Message.Contains("was not in the message", StringComparison.Ordinal));
        run.Violations.Should().Contain(v => v.Message.Contains("was not answered", StringComparison.Ordinal));
        run.Violations.Should().OnlyContain(v => v.Type == "tool-calls");
    }

    [Fact]
    public async Task A_slow_assistant_request_misses_its_scaled_deadline_and_the_call_fails()
    {
        await using var host = await TestHost.StartAsync(HostBreakage.SlowAssistantRequest);

        // 7.5 s × 0.02 = 150 ms; the host takes 3 s.
        var run = await CallAsync(host, "--deadline-scale", "0.02");

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        var first = run.Steps.First();
        first.GetProperty("type").GetString().Should().Be("assistant-request");
        first.GetProperty("deadlineMs").GetDouble().Should().Be(150);
        first.GetProperty("violations")[0].GetProperty("rule").GetString().Should().Be("deadline");
        first.GetProperty("violations")[0].GetProperty("message").GetString().Should().Contain("assistant-request-failed");
        run.Steps.Select(s => s.GetProperty("label").GetString()).Should().Equal(
            "assistant-request", "end-of-call-report (assistant-request-failed)", "status-update (ended)");
    }

    [Fact]
    public async Task Odd_length_PCM_is_reported()
    {
        await using var host = await TestHost.StartAsync(HostBreakage.OddLengthPcm);

        var run = await CallAsync(host);

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Violations.Should().NotBeEmpty().And.OnlyContain(v => v.Type == "voice-request" && v.Rule == "pcm");
        run.Violations.First().Message.Should().Contain("3 bytes").And.Contain("odd");
    }

    [Fact]
    public async Task A_voice_handler_that_writes_half_a_sample_is_reported()
    {
        // The library refuses to send a trailing half sample and aborts the response: Vapi gets no audio.
        await using var host = await TestHost.StartAsync(HostBreakage.OddLengthPcmThroughLibrary);

        var run = await CallAsync(host);

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Violations.Should().NotBeEmpty().And.OnlyContain(v => v.Type == "voice-request" && (v.Rule == "transport" || v.Rule == "pcm" || v.Rule == "status"));
    }

    [Fact]
    public async Task A_500_to_tool_calls_is_reported()
    {
        await using var host = await TestHost.StartAsync(HostBreakage.ToolCallsFail500);

        var run = await CallAsync(host);

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Violations.Should().HaveCount(2).And.OnlyContain(v => v.Type == "tool-calls" && v.Rule == "status");
        run.Violations.First().Message.Should().StartWith("HTTP 500").And.Contain("No result returned");
    }

    [Fact]
    public async Task A_wrong_bearer_token_is_reported_as_401_on_every_step()
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", "not-the-token", "--json");

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Steps.Should().OnlyContain(s => s.GetProperty("status").GetInt32() == 401);
        run.Violations.Should().Contain(v => v.Type == "assistant-request" && v.Rule == "status" && v.Message.StartsWith("HTTP 401", StringComparison.Ordinal));
    }

    private static Task<SimulatorRun> CallAsync(TestHost host, params string[] extra) =>
        Simulator.RunAsync(["call", "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", .. extra]);
}
