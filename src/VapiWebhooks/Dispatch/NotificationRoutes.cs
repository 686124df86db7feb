using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Finds the <see cref="IServerMessageHandler{TMessage}"/> registrations for a message: the typed ones first,
/// then the catch-alls. The rows of <see cref="ServerMessageTable"/> are closed over their class, which keeps this
/// trim- and AOT-safe (no MakeGenericType).
/// </summary>
internal static class NotificationRoutes
{
    public static List<Func<CancellationToken, Task>>? Resolve(ServerMessage message, IServiceProvider services)
    {
        // Asking whether a handler type is registered allocates nothing; resolving an empty list does.
        var registered = services.GetService<IServiceProviderIsService>();
        List<Func<CancellationToken, Task>>? handlers = null;
        if (ServerMessageTable.TryGet(message.GetType(), out var kind))
        {
            kind.CollectNotificationHandlers(message, services, registered, ref handlers);
        }
        else if (message is UnknownServerMessage)
        {
            Collect<UnknownServerMessage>(message, services, registered, ref handlers);
        }

        Collect<ServerMessage>(message, services, registered, ref handlers);
        return handlers;
    }

    internal static void Collect<TMessage>(ServerMessage message, IServiceProvider services, IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers)
        where TMessage : ServerMessage
    {
        if (registered?.IsService(typeof(IServerMessageHandler<TMessage>)) == false)
        {
            return;
        }

        var typed = (TMessage)message;
        foreach (var handler in services.GetServices<IServerMessageHandler<TMessage>>())
        {
            (handlers ??= []).Add(ct => handler.HandleAsync(typed, ct));
        }
    }
}
