namespace VapiWebhooks.SampleHost.Data;

/// <summary>One status change of a call.</summary>
public sealed record CallStatusEvent(string Status, string? EndedReason, DateTimeOffset At);
