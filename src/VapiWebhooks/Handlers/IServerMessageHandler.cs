using VapiWebhooks.Messages;

namespace VapiWebhooks.Handlers;

/// <summary>
/// Handles a notification (<c>end-of-call-report</c>, <c>status-update</c>...). Any number may be registered
/// per type; they run one after another in registration order. <c>IServerMessageHandler&lt;ServerMessage&gt;</c>
/// is a catch-all that sees every message, including types this library does not know.
/// </summary>
/// <typeparam name="TMessage">The message type, or <see cref="ServerMessage"/> for all.</typeparam>
public interface IServerMessageHandler<in TMessage>
    where TMessage : ServerMessage
{
    /// <summary>Handles the message.</summary>
    /// <param name="message">The message.</param>
    /// <param name="cancellationToken">Fires when the deadline budget runs out or Vapi goes away.</param>
    /// <returns>A task that completes when the message is handled.</returns>
    Task HandleAsync(TMessage message, CancellationToken cancellationToken);
}
