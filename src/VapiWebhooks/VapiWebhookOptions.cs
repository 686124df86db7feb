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
