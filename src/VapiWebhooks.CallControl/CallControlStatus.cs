namespace VapiWebhooks.CallControl;

/// <summary>How a call-control command went.</summary>
public enum CallControlStatus
{
    /// <summary>Vapi accepted the command (2xx).</summary>
    Sent,

    /// <summary>
    /// The call has ended: its <c>end-of-call-report</c> was seen, or Vapi answered a 4xx (the call is no longer
    /// live there). Nothing was sent (or nothing will be again): further commands for the call answer this at once.
    /// </summary>
    CallEnded,

    /// <summary>Vapi could not be reached or kept failing (5xx, network error, timeout) after the retries.</summary>
    Failed,

    /// <summary>The control URL is not <c>https</c> on an allowed host; nothing was sent.</summary>
    UrlNotAllowed,
}
