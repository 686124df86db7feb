namespace VapiWebhooks.SampleHost.Data;

/// <summary>An appointment; <see cref="StartsAt"/> is the clinic's local time.</summary>
public sealed record Appointment(long Id, DateTime StartsAt, string PatientName, string? Phone, string? Reason, string Status)
{
    public const string Booked = "booked";
    public const string Cancelled = "cancelled";
}
