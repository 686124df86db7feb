namespace VapiWebhooks.Simulator.Http;

/// <summary>What happened to one POST: the reply (status, content type, body) and how long it took, or why there was none.</summary>
internal sealed record Exchange
{
    public int? Status { get; init; }

    public string? ContentType { get; init; }

    public byte[] Body { get; init; } = [];

    /// <summary>From sending the request to the end of the reply body.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>From sending the request to the first byte of the body; null when the body was empty.</summary>
    public TimeSpan? TimeToFirstByte { get; init; }

    /// <summary>The deadline Vapi would apply to this message.</summary>
    public TimeSpan Deadline { get; init; }

    /// <summary>True when no complete reply arrived within <see cref="Deadline"/> (the simulator gives up then, as Vapi does).</summary>
    public bool DeadlineExceeded { get; init; }

    /// <summary>Why the request failed at the transport level (connection refused, reset...); null when a reply arrived.</summary>
    public string? TransportError { get; init; }

    /// <summary>True when the server could not be reached at all (nothing listening, unknown host).</summary>
    public bool ConnectionFailed { get; init; }

    public bool HasReply => Status is not null && !DeadlineExceeded && TransportError is null;
}
