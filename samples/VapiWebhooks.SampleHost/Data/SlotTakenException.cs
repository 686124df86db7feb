namespace VapiWebhooks.SampleHost.Data;

/// <summary>The slot is already booked (the unique index refused the insert).</summary>
public sealed class SlotTakenException(string message, Exception inner) : Exception(message, inner);
