using System.Text.Json.Serialization;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Models;

/// <summary>Why a call ended (<c>endedReason</c>). Vapi defines hundreds of values and adds more; any string is accepted. Unknown values are kept, never rejected.</summary>
[JsonConverter(typeof(OpenStringValueConverter<EndedReason>))]
public readonly record struct EndedReason(string Value) : IOpenStringValue<EndedReason>
{
    /// <summary><c>customer-ended-call</c>.</summary>
    public static EndedReason CustomerEndedCall { get; } = new("customer-ended-call");

    /// <summary><c>assistant-ended-call</c>.</summary>
    public static EndedReason AssistantEndedCall { get; } = new("assistant-ended-call");

    /// <summary><c>assistant-said-end-call-phrase</c>.</summary>
    public static EndedReason AssistantSaidEndCallPhrase { get; } = new("assistant-said-end-call-phrase");

    /// <summary><c>assistant-forwarded-call</c>.</summary>
    public static EndedReason AssistantForwardedCall { get; } = new("assistant-forwarded-call");

    /// <summary><c>assistant-request-failed</c>.</summary>
    public static EndedReason AssistantRequestFailed { get; } = new("assistant-request-failed");

    /// <summary><c>assistant-request-returned-error</c>.</summary>
    public static EndedReason AssistantRequestReturnedError { get; } = new("assistant-request-returned-error");

    /// <summary><c>customer-did-not-answer</c>.</summary>
    public static EndedReason CustomerDidNotAnswer { get; } = new("customer-did-not-answer");

    /// <summary><c>customer-busy</c>.</summary>
    public static EndedReason CustomerBusy { get; } = new("customer-busy");

    /// <summary><c>silence-timed-out</c>.</summary>
    public static EndedReason SilenceTimedOut { get; } = new("silence-timed-out");

    /// <summary><c>exceeded-max-duration</c>.</summary>
    public static EndedReason ExceededMaxDuration { get; } = new("exceeded-max-duration");

    /// <summary><c>voicemail</c>.</summary>
    public static EndedReason Voicemail { get; } = new("voicemail");

    /// <summary><c>manually-canceled</c>.</summary>
    public static EndedReason ManuallyCanceled { get; } = new("manually-canceled");

    /// <inheritdoc />
    public static EndedReason FromString(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
