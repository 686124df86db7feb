namespace VapiWebhooks.Simulator.Reporting;

/// <summary>The timeline as plain lines, one per finished step: for logs, CI and redirected output.</summary>
internal sealed class PlainTimeline(TextWriter output) : ITimeline
{
    public void Begin(SimulationReport report)
    {
        output.WriteLine(TimelineFormat.Header(report));
        output.WriteLine(TimelineFormat.ColumnTitles());
    }

    public void StepStarted(int index, string label)
    {
    }

    public void StepCompleted(StepResult step)
    {
        output.WriteLine(TimelineFormat.Step(step));
        foreach (var line in TimelineFormat.Details(step))
        {
            output.WriteLine(line);
        }
    }

    public void End(SimulationReport report)
    {
        foreach (var line in TimelineFormat.Footer(report))
        {
            output.WriteLine(line);
        }

        output.Flush();
    }
}
