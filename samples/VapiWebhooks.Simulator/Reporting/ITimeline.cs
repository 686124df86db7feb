namespace VapiWebhooks.Simulator.Reporting;

/// <summary>Shows the run as it happens.</summary>
internal interface ITimeline
{
    void Begin(SimulationReport report);

    void StepStarted(int index, string label);

    void StepCompleted(StepResult step);

    void End(SimulationReport report);
}
