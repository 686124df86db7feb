using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Handlers;

/// <summary>Retrieves documents for a custom knowledge base (<c>knowledge-base-request</c>). Aim for tens of milliseconds.</summary>
/// <remarks>Resolved from the request's DI scope; register it as scoped or transient to use scoped services.</remarks>
public interface IKnowledgeBaseRequestHandler
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>The documents, and/or a message to speak.</returns>
    Task<KnowledgeBaseResponse> HandleAsync(KnowledgeBaseRequestMessage message, CancellationToken cancellationToken);
}
