namespace VapiWebhooks.SampleHost.Data;

/// <summary>What the clinic keeps about a call.</summary>
public sealed record CallRecord(
    string CallId,
    string? CustomerPhone,
    string? LastStatus,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    string? EndedReason,
    double? Cost,
    string? Summary,
    string? Transcript,
    string? RecordingUrl,
    IReadOnlyList<CallStatusEvent> Timeline);
