namespace VapiWebhooks.Simulator.Reporting;

/// <summary>
/// The timeline on a terminal: each step shows as pending while its request is in flight, then is rewritten in place
/// with its status, latency and a coloured verdict.
/// </summary>
internal sealed class LiveTimeline(TextWriter output) : ITimeline
{
    private const string Green = "\u001b[32m";
    private const string Red = "\u001b[31m";
    private const string Dim = "\u001b[2m";
    private const string Reset = "\u001b[0m";
    private const string ClearLine = "\r\u001b[2K";

    private SimulationReport? _pendingHeader;

    // The header waits for the first step, so an option error leaves the terminal clean.
    public void Begin(SimulationReport report) => _pendingHeader = report;

    public void StepStarted(int index, string label)
    {
        WriteHeader();
        output.Write(Dim + TimelineFormat.Pending(index, label) + Reset);
        output.Flush();
    }

    public void StepCompleted(StepResult step)
    {
        output.Write(ClearLine);
        output.WriteLine((step.Passed ? Green : Red) + TimelineFormat.Step(step) + Reset);
        foreach (var line in TimelineFormat.Details(step))
        {
            output.WriteLine(line.Contains('✗', StringComparison.Ordinal) ? Red + line + Reset : Dim + line + Reset);
        }

        output.Flush();
    }

    public void CommandReceived(ControlEvent command)
    {
        WriteHeader();
        output.WriteLine((command.Passed ? Green : Red) + TimelineFormat.Command(command) + Reset);
        foreach (var line in TimelineFormat.Details(command))
        {
            output.WriteLine(line.Contains('✗', StringComparison.Ordinal) ? Red + line + Reset : Dim + line + Reset);
        }

        output.Flush();
    }

    public void End(SimulationReport report)
    {
        foreach (var line in TimelineFormat.Footer(report))
        {
            output.WriteLine((report.Passed ? Green : Red) + line + Reset);
        }

        output.Flush();
    }

    private void WriteHeader()
    {
        if (_pendingHeader is not { } header)
        {
            return;
        }

        _pendingHeader = null;
        output.WriteLine(TimelineFormat.Header(header));
        output.WriteLine(Dim + TimelineFormat.ColumnTitles() + Reset);
    }
}
