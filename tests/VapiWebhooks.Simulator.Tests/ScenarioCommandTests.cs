namespace VapiWebhooks.Simulator.Tests;

public class ScenarioCommandTests
{
    // The bundled scenarios (samples/VapiWebhooks.Simulator/scenarios) are written for the sample host and run against
    // it in VapiWebhooks.SampleHost.Tests; these are the same shapes against this project's small host.
    private const string RileyJson = """
        {
          "name": "Book a cleaning",
          "caller": "+14155550123",
          "expectAssistant": { "kind": "assistant", "name": "Riley", "tools": ["check_availability", "book_appointment"] },
          "turns": [
            { "user": "Hi, do you have anything next Tuesday afternoon?",
              "toolCalls": [ { "name": "check_availability", "arguments": { "partOfDay": "afternoon" }, "expectResult": "Open slots" } ] },
            { "user": "The first one works. It's Dana Whitfield, for a cleaning.",
              "toolCalls": [ { "name": "book_appointment", "arguments": { "name": "Dana Whitfield", "service": "cleaning" }, "expectResult": "Booked Dana Whitfield" } ] },
            { "user": "Perfect, thanks. Bye!" }
          ]
        }
        """;

    private const string RileyYaml = """
        name: Book a cleaning (YAML)
        expectAssistant:
          name: Riley
        turns:
          - user: Hi, do you have anything next Tuesday afternoon?
            toolCalls:
              - name: check_availability
                arguments: { date: "2030-03-12", partOfDay: afternoon }
                expectResult: "2030-03-12"
          - user: Book me for four o'clock. Dana Whitfield, a cleaning.
            toolCalls:
              - name: book_appointment
                expectResult: Booked
          - user: Thanks, bye!
        """;

    [Theory]
    [InlineData(RileyJson, ".json")]
    [InlineData(RileyYaml, ".yaml")]
    public async Task A_scenario_passes_against_a_well_behaved_host(string scenario, string extension)
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("scenario", WriteScenario(scenario, extension), "--url", host.Url, "--bearer", VapiTestHost.Token, "--json");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        var labels = run.Steps.Select(s => s.GetProperty("label").GetString()).ToList();
        labels.Count(l => l!.StartsWith("tool-calls", StringComparison.Ordinal)).Should().Be(2, "a scenario calls only the tools it lists");
        run.Report.GetProperty("scenario").GetString().Should().StartWith("Book a cleaning");
        run.Report.GetProperty("toolErrorCount").GetInt32().Should().Be(0);
        run.Steps.Should().Contain(s => s.GetProperty("type").GetString() == "transcript"
            && s.GetProperty("label").GetString()!.Contains("Hi, do you have anything", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Arguments_a_scenario_leaves_out_are_generated_and_reuse_what_an_earlier_result_said()
    {
        await using var host = await TestHost.StartAsync();

        var run = await Simulator.RunAsync("scenario", WriteScenario(RileyJson), "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--date", "2030-03-08");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        var notes = run.Steps.Where(s => s.GetProperty("type").GetString() == "tool-calls")
            .Select(s => s.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).First(n => n.StartsWith("arguments ", StringComparison.Ordinal)))
            .Select(n => System.Text.Json.JsonDocument.Parse(n["arguments ".Length..]).RootElement)
            .ToList();
        var asked = DateOnly.Parse(notes[0].GetProperty("date").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        asked.Should().BeAfter(new DateOnly(2030, 3, 8)).And.BeOnOrBefore(new DateOnly(2030, 3, 24));
        asked.DayOfWeek.Should().NotBe(DayOfWeek.Saturday).And.NotBe(DayOfWeek.Sunday);
        notes[0].GetProperty("partOfDay").GetString().Should().Be("afternoon", "the scenario's own values are sent as written");
        notes[1].GetProperty("name").GetString().Should().Be("Dana Whitfield");
        notes[1].GetProperty("date").GetString().Should().Be(notes[0].GetProperty("date").GetString(), "the booking is for the day the search was about");
        notes[1].GetProperty("time").GetString().Should().Be("14:30", "the booking takes the first slot the search offered");
    }

    [Fact]
    public async Task A_tool_error_is_a_counted_warning_and_with_strict_a_violation()
    {
        await using var host = await TestHost.StartAsync();
        var file = WriteScenario("""
            { "turns": [ { "user": "Can you text me?", "toolCalls": [ { "name": "send_text", "arguments": { "to": "+14155550123" } } ] } ] }
            """);

        var lenient = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token);
        var strict = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--strict");

        lenient.ExitCode.Should().Be(ExitCodes.Clean, lenient.ToString());
        lenient.Stdout.Should().Contain("! tool error: send_text: ").And.Contain("PASS with 1 tool error:");
        strict.ExitCode.Should().Be(ExitCodes.Violations, strict.ToString());
        strict.Violations.Should().ContainSingle().Which.Rule.Should().Be("tool-error");
    }

    [Fact]
    public async Task An_expected_tool_error_is_neither_a_warning_nor_a_violation()
    {
        await using var host = await TestHost.StartAsync();
        var file = WriteScenario("""
            { "turns": [ { "user": "Can you text me?", "toolCalls": [ { "name": "send_text", "arguments": {}, "expectError": "send_text" } ] } ] }
            """);

        var run = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token, "--json", "--strict");

        run.ExitCode.Should().Be(ExitCodes.Clean, run.ToString());
        run.Report.GetProperty("toolErrorCount").GetInt32().Should().Be(0);
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

        var run = await Simulator.RunAsync("scenario", file, "--url", host.Url, "--bearer", VapiTestHost.Token, "--json");

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

        var run = await Simulator.RunAsync("scenario", file, "--bearer", VapiTestHost.Token, "--json");

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
