namespace VapiWebhooks.Simulator.Tests;

public class CallCommandTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task A_well_behaved_host_passes_a_call_with_every_step_reported()
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", VapiTestHost.Token, "--json");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Report.GetProperty("passed").GetBoolean().Should().BeTrue();
        run.Report.GetProperty("violationCount").GetInt32().Should().Be(0);
        var steps = run.Steps.ToList();
        steps.Should().OnlyContain(s => s.GetProperty("verdict").GetString() == "pass");
        var types = steps.Select(s => s.GetProperty("type").GetString()).ToList();
        types[0].Should().Be("assistant-request");
        types.Should().Contain(["status-update", "speech-update", "transcript", "conversation-update", "voice-request", "end-of-call-report"]);
        types[^1].Should().Be("status-update");
        var labels = steps.Select(s => s.GetProperty("label").GetString()).ToList();
        labels.Should().Contain(["status-update (ringing)", "status-update (in-progress)", "tool-calls check_availability", "tool-calls book_appointment", "status-update (ended)"]);
        steps.Where(s => s.GetProperty("type").GetString() == "voice-request")
            .Should().OnlyContain(s => s.GetProperty("timeToFirstByteMs").GetDouble() > 0 && s.GetProperty("replyBytes").GetInt32() % 2 == 0);
        var booking = steps.Single(s => s.GetProperty("label").GetString() == "tool-calls book_appointment");
        booking.GetProperty("deadlineMs").GetDouble().Should().Be(20000);
        steps.Single(s => s.GetProperty("label").GetString() == "tool-calls check_availability").GetProperty("deadlineMs").GetDouble().Should().Be(10000);
        steps[0].GetProperty("deadlineMs").GetDouble().Should().Be(7500);
        booking.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.StartsWith("result \"Booked Jordan Lee", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_plain_timeline_lists_every_step_with_its_verdict()
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", VapiTestHost.Token);

        output.WriteLine(run.Stdout);
        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Stdout.Should().Contain("vapi-sim call → " + host.Url);
        run.Stdout.Should().Contain("tool-calls book_appointment").And.Contain("PASS:");
        run.Stdout.Should().NotContain("\u001b[", "output that is not a terminal gets no escape codes");
    }
}

public class OptionalRequestTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Knowledge_base_and_endpointing_requests_are_sent_when_flagged()
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--knowledge-base", "--endpointing");

        output.WriteLine(run.Stdout);
        var kb = run.Steps.Where(s => s.GetProperty("type").GetString() == "knowledge-base-request").ToList();
        var endpointing = run.Steps.Where(s => s.GetProperty("type").GetString() == "call.endpointing.request").ToList();
        kb.Should().HaveCount(3, "one per user turn");
        endpointing.Should().HaveCount(3);
        kb.Should().OnlyContain(s => s.GetProperty("deadlineMs").GetDouble() == 10000);
        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
    }
}
