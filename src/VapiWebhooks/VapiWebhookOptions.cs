namespace VapiWebhooks;

/// <summary>
/// How the webhook endpoint behaves. Bound from the configuration section <c>Vapi:Webhooks</c> and/or
/// configured in code; validated at start-up.
/// </summary>
public sealed class VapiWebhookOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Vapi:Webhooks";

    /// <summary>The largest request body accepted, in bytes (default 4 MiB). Larger bodies get 413 without being read.</summary>
    public long MaxRequestBodySize { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// The longest JSON string accepted, in bytes as sent (default 1 MiB; deeper nesting than 64 is refused
    /// as well). Checked only for bodies larger than the limit, so ordinary traffic pays nothing for it.
    /// </summary>
    public int MaxJsonStringLength { get; set; } = 1024 * 1024;

    /// <summary>
    /// The slowest a request body may arrive, in bytes per second after <see cref="MinRequestBodyDataRateGracePeriod"/>
    /// (default 4096; 0 leaves the server's own minimum). Only authenticated-looking requests have their body read; a
    /// slower body is answered 408, so a stalled upload cannot hold its buffer for long.
    /// </summary>
    public double MinRequestBodyDataRate { get; set; } = 4096;

    /// <summary>How long a body may arrive slower than <see cref="MinRequestBodyDataRate"/> before it is refused (default 5 s; more than 1 s).</summary>
    public TimeSpan MinRequestBodyDataRateGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Accept a body that is the message object itself, without Vapi's <c>{"message": ...}</c> envelope (default false:
    /// Vapi always wraps, so a bare body is refused with 400).
    /// </summary>
    public bool AcceptBareMessages { get; set; }

    /// <summary>
    /// The shortest time between two log entries about the same thing a client can repeat at will: a refused request from
    /// one source address (per reason) or a call to one unknown tool name (default 1 minute; zero logs every one). Every
    /// occurrence is still counted in the <c>vapi.webhooks.refused</c> and <c>vapi.webhooks.tools.unknown</c> metrics, and
    /// the next entry says how many were left out.
    /// </summary>
    public TimeSpan RepeatedLogInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long each handler may take before the library answers with its fallback.</summary>
    public VapiDeadlineOptions Deadlines { get; set; } = new();

    /// <summary>How <c>voice-request</c> messages are checked.</summary>
    public VapiVoiceOptions Voice { get; set; } = new();

    /// <summary>
    /// The saved assistant used when the <c>assistant-request</c> handler is missing, throws or runs out of
    /// time. Takes precedence over <see cref="FallbackAssistantErrorMessage"/>.
    /// </summary>
    public string? FallbackAssistantId { get; set; }

    /// <summary>
    /// Spoken to the caller (and the call rejected) when the <c>assistant-request</c> handler is missing,
    /// throws or runs out of time and no <see cref="FallbackAssistantId"/> is set.
    /// </summary>
    public string? FallbackAssistantErrorMessage { get; set; }

    /// <summary>The endpointing wait, in seconds (0 to 15), used when the handler is missing, fails or runs out of time.</summary>
    public double FallbackEndpointingTimeoutSeconds { get; set; } = 1.0;
}
