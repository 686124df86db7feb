using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Handlers;

/// <summary>Decides how long to wait for the user before the assistant answers (<c>call.endpointing.request</c>).</summary>
/// <remarks>Resolved from the request's DI scope; register it as scoped or transient to use scoped services.</remarks>
public interface ICallEndpointingRequestHandler
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>The wait, 0 to 15 seconds.</returns>
    Task<CallEndpointingResponse> HandleAsync(CallEndpointingRequestMessage message, CancellationToken cancellationToken);
}
