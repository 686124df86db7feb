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

    /// <summary>The control URL given to the server (<c>call</c> and <c>scenario</c>), with the call id; null when none was served.</summary>
    public string? ControlUrl { get; set; }

    /// <summary>What the server posted to the control URL, in arrival order, and async results that never came.</summary>
    public List<ControlEvent> Commands { get; } = [];

    public int ViolationCount => Steps.Sum(s => s.Violations.Count) + Commands.Sum(c => c.Violations.Count);

    public int ToolErrorCount => Steps.Sum(s => s.ToolErrors.Count) + Commands.Sum(c => c.Warnings.Count);

    public bool Passed => ViolationCount == 0;
}
