using System.Text.Json;

namespace VapiWebhooks.Simulator.Tests;

/// <summary>Runs vapi-sim in process and captures what it writes.</summary>
public static class Simulator
{
    public static async Task<SimulatorRun> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var exitCode = await SimulatorApp.RunAsync(args, stdout, stderr, timeout.Token);
        return new SimulatorRun(exitCode, stdout.ToString(), stderr.ToString());
    }
}

public sealed record SimulatorRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The JSON report (run with --json).</summary>
    public JsonElement Report => JsonDocument.Parse(Stdout).RootElement.Clone();

    public IEnumerable<JsonElement> Steps => Report.GetProperty("steps").EnumerateArray();

    public IEnumerable<(string Type, string Rule, string Message)> Violations =>
        Steps.SelectMany(s => s.GetProperty("violations").EnumerateArray().Select(v => (s.GetProperty("type").GetString()!, v.GetProperty("rule").GetString()!, v.GetProperty("message").GetString()!)));

    /// <summary>What the server posted to the control URL (and async results that never came), from the JSON report.</summary>
    public IEnumerable<JsonElement> Commands =>
        Report.TryGetProperty("commands", out var commands) ? commands.EnumerateArray() : [];

    public IEnumerable<(string Type, string Rule, string Message)> CommandViolations =>
        Commands.SelectMany(c => c.GetProperty("violations").EnumerateArray().Select(v => (c.GetProperty("type").GetString()!, v.GetProperty("rule").GetString()!, v.GetProperty("message").GetString()!)));

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
