using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.Dispatch;
using VapiWebhooks.Handlers;
using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>
/// A <see cref="ServerMessageKind"/> closed over its class: the generic methods it calls are compiled per class,
/// so reading and routing need no <c>MakeGenericType</c> (trim- and AOT-safe).
/// </summary>
/// <typeparam name="TMessage">The message class.</typeparam>
internal sealed class ServerMessageKindOf<TMessage>(string wireType, ServerMessageTraits traits, Type[] requestHandlers)
    : ServerMessageKind(wireType, typeof(TMessage), traits, requestHandlers)
    where TMessage : ServerMessage, new()
{
    public override Type NotificationHandler => typeof(IServerMessageHandler<TMessage>);

    public override ServerMessage CreateMessage() => new TMessage { Type = WireType };

    internal override DiscriminatedUnionConverter<ServerMessage>.ReadConcrete Reader { get; } = ServerMessageConverter.Read<TMessage>;

    internal override void CollectNotificationHandlers(ServerMessage message, IServiceProvider services, IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers)
        => NotificationRoutes.Collect<TMessage>(message, services, registered, ref handlers);
}
