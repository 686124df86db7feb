namespace VapiWebhooks.Simulator.Reporting;

/// <summary>No timeline: stdout carries the JSON report alone (<c>--json</c>).</summary>
internal sealed class SilentTimeline : ITimeline
{
    public void Begin(SimulationReport report)
    {
    }

    public void StepStarted(int index, string label)
    {
    }

    public void StepCompleted(StepResult step)
    {
    }

    public void CommandReceived(ControlEvent command)
    {
    }

    public void End(SimulationReport report)
    {
    }
}
