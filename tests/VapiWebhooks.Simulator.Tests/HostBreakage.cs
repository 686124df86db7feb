namespace VapiWebhooks.Simulator.Tests;

/// <summary>One deliberate way a test host breaks Vapi's contract.</summary>
public enum HostBreakage
{
    None,
    WrongToolCallId,
    SlowAssistantRequest,
    OddLengthPcm,
    ToolCallsFail500,

    /// <summary>The voice handler itself writes an odd byte count through the library's VoiceResponseWriter.</summary>
    OddLengthPcmThroughLibrary,
}
