using VapiWebhooks.Simulator.Checks;

namespace VapiWebhooks.Simulator.Reporting;

/// <summary>A command the server posted to the call's control URL, or a result it never posted.</summary>
internal sealed class ControlEvent
{
    /// <summary>Its place among the commands received, from 1; null for a missing result.</summary>
    public long? Sequence { get; init; }

    /// <summary>The command's type (<c>say</c>, <c>add-message</c>, <c>control</c>...), or <c>missing</c>.</summary>
    public required string Type { get; init; }

    /// <summary>What it was, for people: <c>control say "We close in five minutes…"</c>.</summary>
    public required string Label { get; init; }

    /// <summary>What the control URL answered (200 while the call lasts, 404 after it ended).</summary>
    public int? Status { get; init; }

    /// <summary>When it arrived, from the call's first message.</summary>
    public double AfterMs { get; init; }

    public List<Violation> Violations { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Problems that are not violations unless <c>--strict</c>: an async tool's result that never arrived.</summary>
    public List<string> Warnings { get; } = [];

    public bool Passed => Violations.Count == 0;

    public string Verdict => Passed ? "pass" : "fail";
}
