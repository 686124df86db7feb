namespace VapiWebhooks.Simulator.Tests;

public class ScenarioCommandTests
{
    private static string Example(string file) => Path.Combine(AppContext.BaseDirectory, "scenarios", file);

    [Theory]
    [InlineData("book-a-cleaning.json")]
    [InlineData("book-a-cleaning.yaml")]
    public async Task The_example_scenario_passes_against_a_well_behaved_host(string file)
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("scenario", Example(file), "--url", host.Url, "--bearer", TestHost.BearerToken, "--json");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        var labels = run.Steps.Select(s => s.GetProperty("label").GetString()).ToList();
        labels.Count(l => l!.StartsWith("tool-calls", StringComparison.Ordinal)).Should().Be(2, "a scenario calls only the tools it lists");
        run.Report.GetProperty("scenario").GetString().Should().StartWith("Book a cleaning");
        run.Steps.Should().Contain(s => s.GetProperty("type").GetString() == "transcript"
            && s.GetProperty("label").GetString()!.Contains("Hi, do you have anything", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Unmet_expectations_are_violations()
    {
        await using var host = await TestHost.StartAsync();
        var file = WriteScenario("""
            {
              "caller": "+15550001111",
              "expectAssistant": { "name": "Someone else", "tools": ["cancel_appointment"] },
              "turns": [
                { "user": "Anything on Monday?", "toolCalls": [ { "name": "check_availability", "arguments": { "date": "2026-03-09" }, "expectResult": "no slots" } ] }
              ]
            }
            """);

        var run = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", TestHost.BearerToken, "--json");

        run.ExitCode.Should().Be(ExitCodes.Violations, run.ToString());
        run.Violations.Should().OnlyContain(v => v.Rule == "expectation");
        run.Violations.Select(v => v.Type).Should().BeEquivalentTo(["assistant-request", "assistant-request", "tool-calls"]);
        run.Violations.Should().Contain(v => v.Message.Contains("\"Someone else\"", StringComparison.Ordinal));
        run.Violations.Should().Contain(v => v.Message.Contains("cancel_appointment", StringComparison.Ordinal));
        run.Violations.Should().Contain(v => v.Message.Contains("\"no slots\"", StringComparison.Ordinal) && v.Message.Contains("Open slots on 2026-03-09", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_scenario_url_is_used_when_no_url_option_is_given()
    {
        await using var host = await TestHost.StartAsync();
        var file = WriteScenario($$"""{ "url": "{{host.Url}}", "turns": [ { "user": "Hello?" } ] }""");

        var run = await Simulator.RunAsync("scenario", file, "--bearer", TestHost.BearerToken, "--json");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Report.GetProperty("url").GetString().Should().Be(host.Url);
    }

    internal static string WriteScenario(string json, string extension = ".json")
    {
        var path = Path.Combine(Path.GetTempPath(), "vapi-sim-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllText(path, json);
        return path;
    }
}
