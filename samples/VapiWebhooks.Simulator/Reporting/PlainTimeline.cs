namespace VapiWebhooks.Simulator.Reporting;

/// <summary>The timeline as plain lines, one per finished step: for logs, CI and redirected output.</summary>
internal sealed class PlainTimeline(TextWriter output) : ITimeline
{
    private SimulationReport? _pendingHeader;

    // The header waits for the first finished step, so bad input (an unreachable URL) leaves stdout empty.
    public void Begin(SimulationReport report) => _pendingHeader = report;

    public void StepStarted(int index, string label)
    {
    }

    public void StepCompleted(StepResult step)
    {
        WriteHeader();
        output.WriteLine(TimelineFormat.Step(step));
        foreach (var line in TimelineFormat.Details(step))
        {
            output.WriteLine(line);
        }
    }

    public void CommandReceived(ControlEvent command)
    {
        WriteHeader();
        output.WriteLine(TimelineFormat.Command(command));
        foreach (var line in TimelineFormat.Details(command))
        {
            output.WriteLine(line);
        }
    }

    public void End(SimulationReport report)
    {
        WriteHeader();
        foreach (var line in TimelineFormat.Footer(report))
        {
            output.WriteLine(line);
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
        output.WriteLine(TimelineFormat.ColumnTitles());
    }
}
