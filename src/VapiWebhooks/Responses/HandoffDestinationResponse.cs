using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Responses;

/// <summary>
/// The reply to <c>handoff-destination-request</c> (a handoff tool's <c>dynamic</c> destination). Per Vapi's handoff docs,
/// an empty destination or an error means the handoff does not execute, and an error is added to the conversation;
/// <see cref="LetVapiDecide"/> sends the empty destination alone, so nothing of the library's reaches the conversation.
/// </summary>
public sealed class HandoffDestinationResponse
{
    /// <summary>Where the call is handed off to (always sent: Vapi's schema requires it; empty when there is none).</summary>
    [JsonPropertyName("destination")]
    public HandoffDestination Destination { get; set; } = new();

    /// <summary>A result for the model about the handoff.</summary>
    [JsonPropertyName("result")]
    public string? Result { get; set; }

    /// <summary>Why the handoff is cancelled.</summary>
    [JsonPropertyName("error")]
    public string? Error { get; set; }

    /// <summary>Hand off to the given destination.</summary>
    /// <param name="destination">The destination.</param>
    /// <returns>The reply.</returns>
    public static HandoffDestinationResponse To(HandoffDestination destination)
    {
        ArgumentNullException.ThrowIfNull(destination);
        return new() { Destination = destination };
    }

    /// <summary>Hand off to the named assistant of the squad.</summary>
    /// <param name="assistantName">The assistant's name.</param>
    /// <returns>The reply.</returns>
    public static HandoffDestinationResponse ToAssistant(string assistantName) => To(HandoffDestination.ToAssistant(assistantName));

    /// <summary>Cancel the handoff.</summary>
    /// <param name="reason">Why.</param>
    /// <returns>The reply: an empty destination and the error.</returns>
    public static HandoffDestinationResponse Cancel(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new() { Error = reason };
    }

    /// <summary>
    /// Give no destination and no error (<c>{"destination":{}}</c>): the handoff does not execute, no error text is added to
    /// the conversation, and the caller hears what the handoff tool's own configuration in Vapi says when a handoff fails
    /// (its <c>request-failed</c> message, else the model's reply). Vapi documents no fallback destination of its own for a
    /// dynamic handoff, and its schema requires <c>destination</c>, so this is the reply that leaves the most to Vapi. The
    /// library answers it when no <see cref="Handlers.IHandoffDestinationRequestHandler"/> is registered, or it fails.
    /// </summary>
    /// <returns>The reply.</returns>
    public static HandoffDestinationResponse LetVapiDecide() => new();
}
