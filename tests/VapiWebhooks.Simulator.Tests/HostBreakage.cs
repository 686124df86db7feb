namespace VapiWebhooks.Simulator.Tests;

/// <summary>One deliberate way a test host breaks Vapi's contract.</summary>
public enum HostBreakage
{
    None,
    WrongToolCallId,
    SlowAssistantRequest,
    OddLengthPcm,
    ToolCallsFail500,
}
