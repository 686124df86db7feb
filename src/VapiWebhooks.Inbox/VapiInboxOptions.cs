namespace VapiWebhooks.Inbox;

/// <summary>
/// Settings of the durable inbox, bound from <c>Vapi:Webhooks:Inbox</c> and validated at start-up
/// (<see cref="VapiInboxOptionsValidator"/>).
/// </summary>
public sealed class VapiInboxOptions
{
    /// <summary>The configuration section: <c>Vapi:Webhooks:Inbox</c>.</summary>
    public const string SectionName = "Vapi:Webhooks:Inbox";

    /// <summary>
    /// The notification types the inbox stores (wire names, for example <c>end-of-call-report</c>, <c>status-update</c>);
    /// empty (the default): every notification. The others are handled inside the request as without an inbox, which
    /// suits notifications acted on live (a <c>transcript</c> that transfers the call) rather than kept. Request types
    /// (<c>assistant-request</c>, <c>tool-calls</c>, ...) are never stored and cannot be listed.
    /// </summary>
    public IList<string> MessageTypes { get; set; } = [];

    /// <summary>How many messages one instance hands to handlers at once (each of a different call). Default 8.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Attempts before a message is dead-lettered, the first included. Default 10.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The delay before the second attempt; each later one doubles it (with jitter). Default 2 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest delay between attempts. Default 10 minutes.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a worker's claim on a message lasts; renewed while its handler runs. When an instance dies, its
    /// messages are handled by another after at most this long. Default 1 minute.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest one attempt may run before it is cancelled and counted as failed. Default 5 minutes.</summary>
    public TimeSpan HandlerTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often workers look for due messages when nothing wakes them (retries coming due). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long handled messages are kept: within it, the same body arriving again is acknowledged and not handled
    /// again. Default 24 hours.
    /// </summary>
    public TimeSpan RetentionPeriod { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often handled messages past <see cref="RetentionPeriod"/> are deleted. Default 5 minutes.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many handled messages one cleanup statement deletes (short transactions). Default 1000.</summary>
    public int CleanupBatchSize { get; set; } = 1000;

    /// <summary>The most writes one group commit carries. Default 512.</summary>
    public int MaxBatchSize { get; set; } = 512;

    /// <summary>
    /// On shutdown, how long running handlers may take to finish; those still running are then cancelled and their
    /// messages returned to the queue. Default 10 s.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The health check reports Degraded when the oldest pending message is older than this. Default 5 minutes.</summary>
    public TimeSpan DegradedAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the depth and oldest-age gauges are refreshed from the store. Default 5 s.</summary>
    public TimeSpan StatisticsInterval { get; set; } = TimeSpan.FromSeconds(5);
}
