using System.Collections.Frozen;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Dispatch;

/// <summary>
/// Finds the <see cref="IServerMessageHandler{TMessage}"/> registrations for a message: the typed ones first,
/// then the catch-alls. A table of closed generic methods keeps this trim- and AOT-safe (no MakeGenericType).
/// </summary>
internal static class NotificationRoutes
{
    private delegate void Collector(ServerMessage message, IServiceProvider services, IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers);

    // Derived from the table of message types, plus the unknown type (which has no wire type of its own).
    private static readonly FrozenDictionary<Type, Collector> Typed =
        ServerMessageTypeTable.ByMessageType.Values.Select(e => KeyValuePair.Create(e.MessageType, e.Accept(CollectorOf.Instance)))
            .Append(KeyValuePair.Create(typeof(UnknownServerMessage), (Collector)Collect<UnknownServerMessage>))
            .ToFrozenDictionary();

    public static List<Func<CancellationToken, Task>>? Resolve(ServerMessage message, IServiceProvider services)
    {
        // Asking whether a handler type is registered allocates nothing; resolving an empty list does.
        var registered = services.GetService<IServiceProviderIsService>();
        List<Func<CancellationToken, Task>>? handlers = null;
        if (Typed.TryGetValue(message.GetType(), out var collect))
        {
            collect(message, services, registered, ref handlers);
        }

        Collect<ServerMessage>(message, services, registered, ref handlers);
        return handlers;
    }

    private static void Collect<TMessage>(ServerMessage message, IServiceProvider services, IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers)
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

    private sealed class CollectorOf : IServerMessageTypeVisitor<Collector>
    {
        public static readonly CollectorOf Instance = new();

        public Collector Visit<TMessage>()
            where TMessage : ServerMessage
            => Collect<TMessage>;
    }
}
