namespace VapiWebhooks.CallControl;

/// <summary>The outcome of one call-control command.</summary>
/// <param name="Status">How it went.</param>
/// <param name="StatusCode">Vapi's last HTTP status, when a response arrived.</param>
/// <param name="Elapsed">Time spent, retries included.</param>
public sealed record CallControlResult(CallControlStatus Status, int? StatusCode, TimeSpan Elapsed)
{
    /// <summary>Whether Vapi accepted the command.</summary>
    public bool Succeeded => Status == CallControlStatus.Sent;
}
