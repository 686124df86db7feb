namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// One webhook exchange as the inspector keeps it: what came in (headers already redacted, the body as received
/// and capped), what went out (the reply body or the PCM, capped) and how it went. Immutable once stored.
/// </summary>
internal sealed class InspectedExchange
{
    /// <summary>The outcome of a notification the inbox stored: its handlers run later, in the inbox's workers.</summary>
    public const string Inbox = "Inbox";

    /// <summary>The outcome of a notification the inbox already held (same body): acknowledged, no handler run.</summary>
    public const string InboxDuplicate = "InboxDuplicate";

    public long Id { get; set; }

    public required DateTimeOffset Time { get; init; }

    public required string Endpoint { get; init; }

    public required string CredentialName { get; init; }

    public string? Type { get; init; }

    public string? CallId { get; init; }

    /// <summary><c>ok</c>, <c>replay</c> (authentication bypassed in process), or why the request was refused.</summary>
    public required string Authentication { get; init; }

    public int Status { get; init; }

    public double LatencyMs { get; init; }

    public double? DeadlineMs { get; init; }

    /// <summary>The dispatch outcome (<see cref="Dispatch.VapiDispatchOutcome"/> names), <see cref="Inbox"/>, <see cref="InboxDuplicate"/>, <c>ClientGone</c>, or null when the request was refused before dispatch.</summary>
    public string? Outcome { get; init; }

    public required KeyValuePair<string, string>[] Headers { get; init; }

    public byte[]? Request { get; init; }

    public long RequestLength { get; init; }

    public byte[]? Reply { get; init; }

    public long ReplyLength { get; init; }

    public string? ReplyContentType { get; init; }

    public byte[]? Audio { get; init; }

    public long AudioLength { get; init; }

    public int SampleRate { get; init; }

    public long? ReplayOf { get; init; }

    /// <summary>A notification the inbox would store, dispatched inline instead (a replay): its handlers ran in this exchange.</summary>
    public bool InboxBypassed { get; init; }

    public bool RequestTruncated => Request is not null && Request.Length < RequestLength;

    public bool ReplyTruncated => Reply is not null && Reply.Length < ReplyLength;

    /// <summary>What this exchange holds in memory, roughly: what the byte cap counts.</summary>
    public long Size => 512 + (Request?.Length ?? 0) + (Reply?.Length ?? 0) + (Audio?.Length ?? 0) + (Headers.Length * 64);
}
