namespace VapiWebhooks.Simulator.Reporting;

/// <summary>Shows the run as it happens.</summary>
internal interface ITimeline
{
    void Begin(SimulationReport report);

    void StepStarted(int index, string label);

    void StepCompleted(StepResult step);

    /// <summary>Shows a command the server posted to the control URL (between the steps it arrived during).</summary>
    void CommandReceived(ControlEvent command);

    void End(SimulationReport report);
}
