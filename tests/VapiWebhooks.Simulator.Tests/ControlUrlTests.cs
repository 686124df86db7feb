namespace VapiWebhooks.Simulator.Tests;

/// <summary>
/// During <c>call</c> and <c>scenario</c> the simulator serves the call's control URL on 127.0.0.1: every command the
/// server posts shows on the timeline, is checked against Vapi's <c>ClientInboundMessage*</c> schemas, and plays its
/// part (an async tool's result, a transfer that ends the call); an async tool must be answered at once.
/// </summary>
public class ControlUrlTests
{
    private const string ConfirmThenHuman = """
        {
          "name": "Confirm, then ask for a human",
          "turns": [
            { "user": "Can you text me the confirmation?", "toolCalls": [ { "name": "send_confirmation", "arguments": { "phone": "+14155550123" } } ] },
            { "user": "Is Tuesday free?", "toolCalls": [ { "name": "check_availability", "arguments": { "date": "2030-03-12" }, "expectResult": "Open slots" } ] },
            { "user": "Thanks, bye!" }
          ]
        }
        """;

    private const string AskForHuman = """
        {
          "turns": [
            { "user": "Can I talk to a human, please?" },
            { "user": "Is Tuesday free?", "toolCalls": [ { "name": "check_availability", "arguments": { "date": "2030-03-12" } } ] }
          ]
        }
        """;

    [Fact]
    public async Task An_async_tool_is_answered_at_once_and_its_result_arrives_through_the_control_url_afterwards()
    {
        await using var host = await ControlHost.StartAsync();

        var run = await Simulator.RunAsync("scenario", ScenarioCommandTests.WriteScenario(ConfirmThenHuman), "--url", host.Url, "--bearer", VapiTestHost.Token, "--json");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Report.GetProperty("controlUrl").GetString().Should().StartWith("http://127.0.0.1:").And.EndWith($"/{run.Report.GetProperty("callId").GetString()}/control");
        var asyncStep = run.Steps.Single(s => s.GetProperty("label").GetString() == "tool-calls send_confirmation");
        asyncStep.GetProperty("violations").GetArrayLength().Should().Be(0);
        asyncStep.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.Contains("expected through the control URL", StringComparison.Ordinal));

        var delivered = run.Commands.Should().ContainSingle().Subject;
        delivered.GetProperty("type").GetString().Should().Be("add-message");
        delivered.GetProperty("status").GetInt32().Should().Be(200);
        delivered.GetProperty("verdict").GetString().Should().Be("pass", "the command validates against ClientInboundMessageAddMessage");
        delivered.GetProperty("label").GetString().Should().Contain("send_confirmation");
        delivered.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain(n => n!.StartsWith("the result of async send_confirmation", StringComparison.Ordinal));
        run.Report.GetProperty("toolErrorCount").GetInt32().Should().Be(0);
    }

    [Fact]
    public async Task The_plain_timeline_shows_each_command_where_it_arrived()
    {
        await using var host = await ControlHost.StartAsync();

        var run = await Simulator.RunAsync("scenario", ScenarioCommandTests.WriteScenario(ConfirmThenHuman), "--url", host.Url, "--bearer", VapiTestHost.Token);

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        var lines = run.Stdout.Split('\n');
        lines[1].Should().Contain("control URL http://127.0.0.1:");
        var command = Array.FindIndex(lines, l => l.Contains('⇠', StringComparison.Ordinal) && l.Contains("control add-message", StringComparison.Ordinal));
        var asyncStep = Array.FindIndex(lines, l => l.Contains("tool-calls send_confirmation", StringComparison.Ordinal));
        command.Should().BeGreaterThan(asyncStep, run.ToString());
        lines[command].Should().Contain("200").And.EndWith("ok");
        lines[command + 1].Should().Contain("the result of async send_confirmation");
    }

    [Fact]
    public async Task A_server_that_runs_an_async_tool_inside_the_request_is_reported_and_its_missing_result_is_a_warning()
    {
        await using var host = await ControlHost.StartAsync(ControlHostMode.NoCallControl);
        var file = ScenarioCommandTests.WriteScenario("""
            { "turns": [ { "user": "Text me the confirmation.", "toolCalls": [ { "name": "send_confirmation", "arguments": { "phone": "+14155550123" } } ] } ] }
            """);

        // Deadlines at a tenth: the tool's 20 s become 2 s, longer than the host's 1.3 s tool and short to wait for its result.
        var lenient = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--deadline-scale", "0.1");
        var strict = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--deadline-scale", "0.1", "--strict");

        lenient.ExitCode.Should().Be(ExitCodes.Violations, lenient.ToString());
        lenient.Violations.Should().ContainSingle().Which.Should().Match<(string Type, string Rule, string Message)>(v =>
            v.Type == "tool-calls" && v.Rule == "async-answer" && v.Message.Contains("send_confirmation is async but was answered after", StringComparison.Ordinal));
        var missing = lenient.Commands.Should().ContainSingle().Subject;
        missing.GetProperty("type").GetString().Should().Be("missing");
        missing.GetProperty("warnings")[0].GetString().Should().Contain("never came through the control URL");
        lenient.Report.GetProperty("toolErrorCount").GetInt32().Should().Be(1);
        strict.CommandViolations.Should().ContainSingle().Which.Rule.Should().Be("async-result");
    }

    [Fact]
    public async Task A_transfer_through_the_control_url_ends_the_simulated_call_there()
    {
        await using var host = await ControlHost.StartAsync();

        var run = await Simulator.RunAsync("scenario", ScenarioCommandTests.WriteScenario(AskForHuman), "--url", host.Url, "--bearer", VapiTestHost.Token, "--json");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        var transfer = run.Commands.Should().ContainSingle().Subject;
        transfer.GetProperty("type").GetString().Should().Be("transfer");
        transfer.GetProperty("label").GetString().Should().Be($"control transfer → {ControlHost.FrontDesk}");
        transfer.GetProperty("verdict").GetString().Should().Be("pass", "the command validates against ClientInboundMessageTransfer");
        transfer.GetProperty("notes").EnumerateArray().Select(n => n.GetString()).Should().Contain("the call ends here (assistant-forwarded-call)");
        var labels = run.Steps.Select(s => s.GetProperty("label").GetString()!).ToList();
        labels.Should().Contain("end-of-call-report (assistant-forwarded-call)");
        labels.Should().NotContain(l => l.Contains("Is Tuesday free", StringComparison.Ordinal), "the caller was transferred before that turn");
        labels.Should().NotContain(l => l.StartsWith("tool-calls", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_command_that_breaks_Vapis_schema_is_a_violation()
    {
        await using var host = await ControlHost.StartAsync(ControlHostMode.BadCommand);

        var run = await Simulator.RunAsync("scenario", ScenarioCommandTests.WriteScenario(AskForHuman), "--url", host.Url, "--bearer", VapiTestHost.Token, "--json");

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Violations.Should().BeEmpty("every reply was fine");
        run.CommandViolations.Should().NotBeEmpty().And.AllSatisfy(v =>
        {
            v.Type.Should().Be("control");
            v.Rule.Should().Be("control-schema");
            v.Message.Should().StartWith("ClientInboundMessageControl");
        });
        run.Report.GetProperty("violationCount").GetInt32().Should().Be(run.CommandViolations.Count());
    }

    [Fact]
    public async Task With_no_control_url_the_call_carries_none_and_the_server_answers_async_tools_inside_the_request()
    {
        await using var host = await ControlHost.StartAsync();
        var file = ScenarioCommandTests.WriteScenario("""
            { "turns": [ { "user": "Text me the confirmation.", "toolCalls": [ { "name": "send_confirmation", "arguments": { "phone": "+14155550123" } } ] } ] }
            """);

        var run = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--no-control-url");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Report.TryGetProperty("controlUrl", out _).Should().BeFalse();
        run.Report.TryGetProperty("commands", out _).Should().BeFalse();
        run.Steps.Single(s => s.GetProperty("label").GetString() == "tool-calls send_confirmation")
            .GetProperty("replyBytes").GetInt32().Should().BeGreaterThan(0);
    }
}
