using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Handlers;

/// <summary>Chooses the assistant, squad or workflow for an incoming call (<c>assistant-request</c>). Vapi waits 7.5 s at most; the library's budget is 6 s by default.</summary>
/// <remarks>Resolved from the request's DI scope; register it as scoped or transient to use scoped services.</remarks>
public interface IAssistantRequestHandler
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>The assistant to use, or a transfer or rejection.</returns>
    Task<AssistantRequestResponse> HandleAsync(AssistantRequestMessage message, CancellationToken cancellationToken);
}
