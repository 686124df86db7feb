namespace VapiWebhooks.SampleHost.Data;

/// <summary>A caller the clinic knows.</summary>
public sealed record CustomerRecord(string Phone, string? Name, bool Blocked);
