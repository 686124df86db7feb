using VapiWebhooks.Simulator.Checks;

namespace VapiWebhooks.Simulator.Reporting;

/// <summary>One message sent and what its reply was worth.</summary>
internal sealed class StepResult
{
    public required int Index { get; init; }

    /// <summary>The wire type, for example <c>tool-calls</c>.</summary>
    public required string Type { get; init; }

    /// <summary>What the step was, for people: <c>tool-calls book_appointment</c>, <c>status-update (ringing)</c>.</summary>
    public required string Label { get; init; }

    public int? Status { get; set; }

    public double LatencyMs { get; set; }

    public double DeadlineMs { get; set; }

    public double? TimeToFirstByteMs { get; set; }

    public int ReplyBytes { get; set; }

    /// <summary>The file the body came from (<c>send</c>).</summary>
    public string? Source { get; init; }

    public List<Violation> Violations { get; } = [];

    /// <summary>What the simulator learnt from the reply (the chosen assistant, a tool's result...).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>Tool results that were errors the scenario did not expect: the call went on, but the model was refused.</summary>
    public List<string> ToolErrors { get; } = [];

    public bool Passed => Violations.Count == 0;

    public string Verdict => Passed ? "pass" : "fail";
}
