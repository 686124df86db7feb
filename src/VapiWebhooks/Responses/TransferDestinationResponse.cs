using System.Text.Json;
using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Responses;

/// <summary>The reply to <c>transfer-destination-request</c>: where to transfer, or why not.</summary>
public sealed class TransferDestinationResponse
{
    /// <summary>Where the call goes.</summary>
    [JsonPropertyName("destination")]
    public TransferDestination? Destination { get; set; }

    /// <summary>
    /// What the assistant says while the transfer tool runs: a tool message object (<c>request-start</c>,
    /// <c>request-complete</c>, <c>request-failed</c> or <c>request-response-delayed</c>), as Vapi defines it.
    /// The factories put their spoken message on the destination's <c>message</c> (for example <see cref="NumberTransferDestination.Message"/>) instead, where Vapi
    /// accepts a string or a <c>custom-message</c>.
    /// </summary>
    [JsonPropertyName("message")]
    public JsonElement? Message { get; set; }

    /// <summary>Why the transfer is not made; the call stays with the assistant.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>Transfer to a phone number.</summary>
    /// <param name="number">The number in E.164 form.</param>
    /// <param name="message">What the assistant says before transferring, if anything (sent as the destination's <c>message</c>).</param>
    /// <returns>The reply.</returns>
    public static TransferDestinationResponse ToNumber(string number, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(number);
        return new() { Destination = new NumberTransferDestination { Number = number, Message = Spoken(message) } };
    }

    /// <summary>Transfer to a SIP URI.</summary>
    /// <param name="sipUri">The SIP URI.</param>
    /// <param name="message">What the assistant says before transferring, if anything (sent as the destination's <c>message</c>).</param>
    /// <returns>The reply.</returns>
    public static TransferDestinationResponse ToSip(string sipUri, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sipUri);
        return new() { Destination = new SipTransferDestination { SipUri = sipUri, Message = Spoken(message) } };
    }

    /// <summary>Transfer to another assistant of the squad.</summary>
    /// <param name="assistantName">The assistant's name.</param>
    /// <param name="message">What the assistant says before transferring, if anything (sent as the destination's <c>message</c>).</param>
    /// <returns>The reply.</returns>
    public static TransferDestinationResponse ToAssistant(string assistantName, string? message = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(assistantName);
        return new() { Destination = new AssistantTransferDestination { AssistantName = assistantName, Message = Spoken(message) } };
    }

    // A custom-message object, as Vapi's own examples send it.
    private static CustomMessage? Spoken(string? message) => message is null ? null : new CustomMessage { Content = message };

    /// <summary>Refuse the transfer; the reason is given to the assistant, which tells the caller.</summary>
    /// <param name="reason">Why the call is not transferred.</param>
    /// <returns>The reply.</returns>
    public static TransferDestinationResponse Refuse(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new() { Error = reason };
    }
}
