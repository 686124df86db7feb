using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Tests.Endpoint;

/// <summary>
/// Observes one message class (or, as <c>RecordingNotificationHandler&lt;ServerMessage&gt;</c>, every message: the
/// catch-all) and records it in <see cref="HandlerLog"/>. Registered once as an open generic, so it covers every
/// class in <see cref="ServerMessageTable"/> without a list here.
/// </summary>
/// <typeparam name="TMessage">The message class.</typeparam>
public sealed class RecordingNotificationHandler<TMessage>(HandlerLog log) : IServerMessageHandler<TMessage>
    where TMessage : ServerMessage
{
    public Task HandleAsync(TMessage message, CancellationToken cancellationToken)
    {
        log.Add(HandlerLog.Notification<TMessage>(), message);
        return Task.CompletedTask;
    }
}
