namespace VapiWebhooks.CallControl;

/// <summary>How commands reach a call's control URL (configuration section <c>Vapi:CallControl</c>).</summary>
public sealed class VapiCallControlOptions
{
    /// <summary>The configuration section: <c>Vapi:CallControl</c>.</summary>
    public const string SectionName = "Vapi:CallControl";

    /// <summary>
    /// Hosts a control URL may point to, over <c>https</c> only. An entry is a host name (<c>vapi.ai</c>) or a
    /// wildcard for its subdomains (<c>*.vapi.ai</c>). The control URL arrives in a message, so it is input:
    /// following any URL would let a forged message make the server post to an address of the forger's
    /// choosing. Default: <c>*.vapi.ai</c>, where Vapi's call hosts live
    /// (<c>phone-call-websocket.aws-us-west-2-backend-production1.vapi.ai</c> and similar).
    /// </summary>
    public IList<string> AllowedHosts { get; } = ["*.vapi.ai"];

    /// <summary>
    /// Also follow <c>http</c> or <c>https</c> URLs on loopback (127.0.0.0/8, [::1], <c>localhost</c>): for tests,
    /// the simulator and the Testing package's recorder. On by default in the Development environment only.
    /// </summary>
    public bool? AllowLoopback { get; set; }

    /// <summary>
    /// Vapi's public API key, sent as <c>Authorization: Bearer</c> with every command. Needed only when the
    /// assistant's <c>monitorPlan.controlAuthenticationEnabled</c> is true; keep it in user-secrets or the environment.
    /// </summary>
    public string? PublicApiKey { get; set; }

    /// <summary>Time for one attempt before it is abandoned and retried (default 5 s).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Time for a command, retries included (default 15 s).</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after a transient failure (5xx, network error, attempt timeout); never after a 4xx (default 3).</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter (default 200 ms).</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many ended calls are remembered, to refuse their commands at once (default 10,000; the oldest are forgotten first).</summary>
    public int MaxRememberedCalls { get; set; } = 10_000;

    /// <summary>Async tools: how their results reach the call.</summary>
    public AsyncTools.AsyncToolOptions AsyncTools { get; } = new();
}
