namespace VapiWebhooks.Simulator.Reporting;

/// <summary>The outcome of one run: every step, in order, and whether any broke Vapi's contract.</summary>
internal sealed class SimulationReport
{
    public required string Command { get; init; }

    public required string Url { get; init; }

    public required string Authentication { get; init; }

    public string? Scenario { get; init; }

    public string? CallId { get; set; }

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    public double DurationMs { get; set; }

    public double DeadlineScale { get; init; } = 1.0;

    public List<StepResult> Steps { get; } = [];

    public int ViolationCount => Steps.Sum(s => s.Violations.Count);

    public int ToolErrorCount => Steps.Sum(s => s.ToolErrors.Count);

    public bool Passed => ViolationCount == 0;
}
