using System.Diagnostics.Metrics;
using VapiWebhooks.Diagnostics;
using VapiWebhooks.Inbox.Storage;

namespace VapiWebhooks.Inbox.Diagnostics;

/// <summary>
/// The inbox's instruments, on the library's meter (<see cref="VapiWebhooksTelemetry.Name"/>): acknowledgements,
/// attempts by outcome, dead letters, and gauges of the queue depth and the oldest pending message's age.
/// </summary>
public sealed class VapiInboxMetrics
{
    /// <summary>Counter of acknowledged notifications, tagged <c>vapi.inbox.result</c>: <c>stored</c>, <c>duplicate</c>, <c>unavailable</c>.</summary>
    public const string AcknowledgedCounter = "vapi.webhooks.inbox.acknowledged";

    /// <summary>Counter of handling attempts, tagged <c>vapi.inbox.outcome</c> (<c>handled</c>, <c>retried</c>, <c>dead_lettered</c>, <c>released</c>) and <c>vapi.message.type</c>.</summary>
    public const string AttemptsCounter = "vapi.webhooks.inbox.attempts";

    /// <summary>Counter of messages dead-lettered, tagged <c>vapi.message.type</c>.</summary>
    public const string DeadLettersCounter = "vapi.webhooks.inbox.dead_letters";

    /// <summary>
    /// Counter of the group commit's transactions (appends and handling outcomes together): one commit, one flush. Fewer
    /// commits than acknowledged messages means concurrent acknowledgements shared their flushes.
    /// </summary>
    public const string CommitsCounter = "vapi.webhooks.inbox.commits";

    /// <summary>Histogram of the writes (appends and outcomes) each group commit carried.</summary>
    public const string CommitSizeHistogram = "vapi.webhooks.inbox.commit.size";

    /// <summary>Gauge of pending messages (waiting, leased or waiting for a retry), refreshed every <c>StatisticsInterval</c>.</summary>
    public const string DepthGauge = "vapi.webhooks.inbox.depth";

    /// <summary>Gauge of the oldest pending message's age in seconds (0 when none is pending).</summary>
    public const string OldestAgeGauge = "vapi.webhooks.inbox.oldest_pending_age";

    /// <summary>Gauge of dead-lettered messages held.</summary>
    public const string DeadLetterDepthGauge = "vapi.webhooks.inbox.dead_letter_depth";

    internal const string Handled = "handled";
    internal const string Retried = "retried";
    internal const string DeadLettered = "dead_lettered";
    internal const string Released = "released";

    private const string ResultTag = "vapi.inbox.result";
    private const string OutcomeTag = "vapi.inbox.outcome";

    private readonly Counter<long> _acknowledged;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _deadLetters;
    private readonly Counter<long> _commits;
    private readonly Histogram<int> _commitSize;
    private volatile Snapshot _snapshot = new(0, 0, 0);

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">Creates the meter; a standalone meter when null.</param>
    public VapiInboxMetrics(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(VapiWebhooksTelemetry.Name) ?? new Meter(VapiWebhooksTelemetry.Name);
        _acknowledged = meter.CreateCounter<long>(AcknowledgedCounter, "{message}", "Notifications acknowledged by the inbox.");
        _attempts = meter.CreateCounter<long>(AttemptsCounter, "{attempt}", "Inbox handling attempts by outcome.");
        _deadLetters = meter.CreateCounter<long>(DeadLettersCounter, "{message}", "Inbox messages dead-lettered.");
        _commits = meter.CreateCounter<long>(CommitsCounter, "{commit}", "Inbox group commits (transactions, each one flush).");
        _commitSize = meter.CreateHistogram<int>(CommitSizeHistogram, "{write}", "Writes carried by one inbox group commit.");
        meter.CreateObservableGauge(DepthGauge, () => _snapshot.Depth, "{message}", "Pending inbox messages.");
        meter.CreateObservableGauge(OldestAgeGauge, () => _snapshot.OldestAgeSeconds, "s", "Age of the oldest pending inbox message.");
        meter.CreateObservableGauge(DeadLetterDepthGauge, () => _snapshot.DeadLettered, "{message}", "Dead-lettered inbox messages held.");
    }

    internal void Acknowledged(InboxAcknowledgement result) => _acknowledged.Add(1, new KeyValuePair<string, object?>(ResultTag, result switch
    {
        InboxAcknowledgement.Stored => "stored",
        InboxAcknowledgement.Duplicate => "duplicate",
        _ => "unavailable",
    }));

    internal void Committed(int writes)
    {
        _commits.Add(1);
        _commitSize.Record(writes);
    }

    internal void Attempted(string outcome, string messageType)
    {
        var type = new KeyValuePair<string, object?>(VapiWebhooksTelemetry.MessageTypeTag, messageType);
        _attempts.Add(1, new KeyValuePair<string, object?>(OutcomeTag, outcome), type);
        if (outcome == DeadLettered)
        {
            _deadLetters.Add(1, type);
        }
    }

    internal void Observe(InboxCounts counts, DateTimeOffset now)
    {
        var age = counts.OldestPendingAcknowledgedAt is { } oldest ? Math.Max(0, (now - oldest).TotalSeconds) : 0;
        _snapshot = new Snapshot(counts.Pending, age, counts.DeadLettered);
    }

    private sealed record Snapshot(long Depth, double OldestAgeSeconds, long DeadLettered);
}
