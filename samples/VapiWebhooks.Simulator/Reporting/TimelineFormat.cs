using System.Globalization;

namespace VapiWebhooks.Simulator.Reporting;

/// <summary>The text of the timeline, shared by the plain and the live display.</summary>
internal static class TimelineFormat
{
    private const int LabelWidth = 44;

    public static string Header(SimulationReport report) =>
        $"vapi-sim {report.Command}{(report.Scenario is null ? string.Empty : " " + report.Scenario)} → {report.Url} (auth: {report.Authentication})"
        + (report.ControlUrl is { } control ? $"{Environment.NewLine}  control URL {control} (commands posted there show as ⇠)" : string.Empty);

    public static string ColumnTitles() =>
        string.Create(CultureInfo.InvariantCulture, $"  {"#",3}  {"step".PadRight(LabelWidth)} {"status",6}  {"latency / deadline",-22} verdict");

    public static string Pending(int index, string label) =>
        string.Create(CultureInfo.InvariantCulture, $"  {index,3}  {Fit(label).PadRight(LabelWidth)} {"…",6}");

    public static string Step(StepResult step)
    {
        var status = step.Status?.ToString(CultureInfo.InvariantCulture) ?? "—";
        var timing = string.Create(CultureInfo.InvariantCulture, $"{step.LatencyMs,6:0} / {step.DeadlineMs:0} ms");
        return string.Create(CultureInfo.InvariantCulture, $"  {step.Index,3}  {Fit(step.Label).PadRight(LabelWidth)} {status,6}  {timing,-22} {(!step.Passed ? "FAIL" : step.ToolErrors.Count > 0 ? "warn" : "ok")}");
    }

    /// <summary>A command posted to the control URL: marked ⇠ instead of a step number, with when it arrived.</summary>
    public static string Command(ControlEvent command)
    {
        var status = command.Status?.ToString(CultureInfo.InvariantCulture) ?? "—";
        var timing = string.Create(CultureInfo.InvariantCulture, $"at {command.AfterMs / 1000,5:0.00} s");
        return string.Create(CultureInfo.InvariantCulture, $"  {"⇠",3}  {Fit(command.Label).PadRight(LabelWidth)} {status,6}  {timing,-22} {(!command.Passed ? "FAIL" : command.Warnings.Count > 0 ? "warn" : "ok")}");
    }

    public static IEnumerable<string> Details(ControlEvent command)
    {
        foreach (var note in command.Notes)
        {
            yield return "       · " + note;
        }

        foreach (var warning in command.Warnings)
        {
            yield return "       ! " + warning;
        }

        foreach (var violation in command.Violations)
        {
            yield return "       ✗ " + violation;
        }
    }

    public static IEnumerable<string> Details(StepResult step)
    {
        foreach (var note in step.Notes)
        {
            yield return "       · " + note;
        }

        foreach (var toolError in step.ToolErrors)
        {
            yield return "       ! tool error: " + toolError;
        }

        foreach (var violation in step.Violations)
        {
            yield return "       ✗ " + violation;
        }
    }

    public static IEnumerable<string> Footer(SimulationReport report)
    {
        var steps = report.Steps.Count;
        var toolErrors = report.ToolErrorCount switch
        {
            0 => string.Empty,
            1 => " with 1 tool error",
            var n => string.Create(CultureInfo.InvariantCulture, $" with {n} tool errors"),
        };
        yield return report.Passed
            ? string.Create(CultureInfo.InvariantCulture, $"PASS{toolErrors}: {steps} steps, no violations ({report.DurationMs / 1000:0.0} s)")
            : string.Create(CultureInfo.InvariantCulture, $"FAIL{toolErrors}: {report.ViolationCount} violation(s) in {steps} steps ({report.DurationMs / 1000:0.0} s)");
    }

    private static string Fit(string label) => label.Length <= LabelWidth ? label : string.Concat(label.AsSpan(0, LabelWidth - 1), "…");
}
