using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Responses;

/// <summary>
/// The reply to <c>handoff-destination-request</c>. Per Vapi's handoff docs, an empty destination or an error cancels the
/// handoff (the error is added to the conversation); <see cref="LetVapiDecide"/> says nothing, so Vapi goes on with what the
/// assistant's configuration says.
/// </summary>
public sealed class HandoffDestinationResponse
{
    /// <summary>Where the call is handed off to: empty to cancel, null (not sent) to leave the choice to Vapi.</summary>
    [JsonPropertyName("destination")]
    public HandoffDestination? Destination { get; set; } = new();

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
    /// Give no destination and no error (<c>{}</c>): neither cancel the handoff nor add an error to the conversation. The
    /// library answers this when no <see cref="Handlers.IHandoffDestinationRequestHandler"/> is registered, or it fails.
    /// </summary>
    /// <returns>The reply.</returns>
    public static HandoffDestinationResponse LetVapiDecide() => new() { Destination = null };
}
