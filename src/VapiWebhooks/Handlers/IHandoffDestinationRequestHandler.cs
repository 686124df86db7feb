using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Handlers;

/// <summary>Chooses where a squad hands the call off to (<c>handoff-destination-request</c>).</summary>
/// <remarks>Resolved from the request's DI scope; register it as scoped or transient to use scoped services.</remarks>
public interface IHandoffDestinationRequestHandler
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>The destination, or a cancellation.</returns>
    Task<HandoffDestinationResponse> HandleAsync(HandoffDestinationRequestMessage message, CancellationToken cancellationToken);
}
