using System.Text.Json;
using VapiWebhooks.Simulator.Checks;
using VapiWebhooks.Simulator.Reporting;

namespace VapiWebhooks.Simulator.Tests;

public class ReportingTests
{
    [Fact]
    public async Task Json_out_writes_the_report_to_a_file_and_keeps_the_timeline_on_stdout()
    {
        await using var host = await TestHost.StartAsync();
        var file = Path.Combine(Path.GetTempPath(), "vapi-sim-report-" + Guid.NewGuid().ToString("N") + ".json");

        var run = await Simulator.RunAsync("call", "--url", host.Url, "--bearer", VapiTestHost.Token, "--json-out", file);

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Stdout.Should().Contain("PASS:");
        var report = JsonDocument.Parse(File.ReadAllText(file)).RootElement;
        report.GetProperty("passed").GetBoolean().Should().BeTrue();
        report.GetProperty("steps").GetArrayLength().Should().BeGreaterThan(30);
        File.Delete(file);
    }

    [Fact]
    public void The_live_timeline_rewrites_a_pending_step_in_place_with_a_coloured_verdict()
    {
        using var output = new StringWriter();
        var timeline = new LiveTimeline(output);
        var report = new SimulationReport { Command = "call", Url = "http://127.0.0.1:1/x", Authentication = "none" };
        var step = new StepResult { Index = 1, Type = "tool-calls", Label = "tool-calls book", Status = 200, LatencyMs = 12, DeadlineMs = 20000 };
        step.Violations.Add(new Violation("tool-call-ids", "toolCallId 'x' (book) was not answered"));
        report.Steps.Add(step);

        timeline.Begin(report);
        timeline.StepStarted(1, "tool-calls book");
        timeline.StepCompleted(step);
        timeline.End(report);

        var text = output.ToString();
        text.Should().Contain("vapi-sim call → http://127.0.0.1:1/x");
        text.Should().Contain("…").And.Contain("\r\u001b[2K", "the pending line is cleared before the result is written");
        text.Should().Contain("\u001b[31m").And.Contain("FAIL").And.Contain("✗ tool-call-ids: toolCallId 'x' (book) was not answered");
        text.Should().Contain("FAIL: 1 violation(s) in 1 steps");
    }
}
