using VapiWebhooks.Messages;
using VapiWebhooks.Responses;

namespace VapiWebhooks.Handlers;

/// <summary>Answers a whole <c>tool-calls</c> message. When registered it replaces per-tool routing (<c>AddTool</c>).</summary>
/// <remarks>Resolved from the request's DI scope; register it as scoped or transient to use scoped services.</remarks>
public interface IToolCallsHandler
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>One result per tool call id.</returns>
    Task<ToolCallsResponse> HandleAsync(ToolCallsMessage message, CancellationToken cancellationToken);
}
