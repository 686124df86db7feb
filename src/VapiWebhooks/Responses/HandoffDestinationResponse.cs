using System.Text.Json.Serialization;
using VapiWebhooks.Models;

namespace VapiWebhooks.Responses;

/// <summary>The reply to <c>handoff-destination-request</c>. An empty destination or an error cancels the handoff.</summary>
public sealed class HandoffDestinationResponse
{
    /// <summary>Where the call is handed off to (always sent; empty to cancel).</summary>
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
}
