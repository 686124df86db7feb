namespace VapiWebhooks.CallControl.Diagnostics;

/// <summary>The names of the call-control instruments, on the <c>VapiWebhooks</c> meter.</summary>
public static class CallControlTelemetry
{
    /// <summary>Counter of commands, tagged with <see cref="CommandTag"/> and <see cref="StatusTag"/>.</summary>
    public const string CommandsCounter = "vapi.call_control.commands";

    /// <summary>Histogram of command durations in seconds (retries included), tagged like <see cref="CommandsCounter"/>.</summary>
    public const string CommandDurationHistogram = "vapi.call_control.duration";

    /// <summary>Counter of async tool runs, tagged with <see cref="StatusTag"/> (<c>delivered</c>, <c>failed</c>, <c>timed_out</c>, <c>call_ended</c>, <c>cancelled</c>, <c>undeliverable</c>).</summary>
    public const string AsyncToolsCounter = "vapi.call_control.async_tools";

    /// <summary>Tag: the command (<c>say</c>, <c>add-message</c>, <c>mute-assistant</c>..., <c>end-call</c>, <c>transfer</c>, <c>handoff</c>).</summary>
    public const string CommandTag = "vapi.command";

    /// <summary>Tag: the outcome (<see cref="CallControlStatus"/> in snake case, or the async-tool outcome).</summary>
    public const string StatusTag = "vapi.status";
}
