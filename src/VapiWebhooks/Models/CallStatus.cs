using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>The status of a call (<c>call.status</c>, <c>status-update.status</c>). Unknown values are kept, never rejected.</summary>
[JsonConverter(typeof(OpenStringValueConverter<CallStatus>))]
public readonly record struct CallStatus(string Value) : IOpenStringValue<CallStatus>
{
    /// <summary><c>scheduled</c>.</summary>
    public static CallStatus Scheduled { get; } = new("scheduled");

    /// <summary><c>queued</c>.</summary>
    public static CallStatus Queued { get; } = new("queued");

    /// <summary><c>ringing</c>.</summary>
    public static CallStatus Ringing { get; } = new("ringing");

    /// <summary><c>in-progress</c>.</summary>
    public static CallStatus InProgress { get; } = new("in-progress");

    /// <summary><c>forwarding</c>.</summary>
    public static CallStatus Forwarding { get; } = new("forwarding");

    /// <summary><c>ended</c>.</summary>
    public static CallStatus Ended { get; } = new("ended");

    /// <summary><c>not-found</c>.</summary>
    public static CallStatus NotFound { get; } = new("not-found");

    /// <summary><c>deletion-failed</c>.</summary>
    public static CallStatus DeletionFailed { get; } = new("deletion-failed");

    /// <inheritdoc />
    public static CallStatus FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
