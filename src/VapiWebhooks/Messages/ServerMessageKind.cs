using VapiWebhooks.Serialization;

namespace VapiWebhooks.Messages;

/// <summary>
/// One row of <see cref="ServerMessageTable"/>: a wire type, the class it is read into, and what makes a host
/// receive it. Everything that depends on the list of message types (the JSON converter, the notification
/// routes, an assistant's <c>serverMessages</c>, the test builders) is derived from these rows.
/// </summary>
public abstract class ServerMessageKind
{
    private protected ServerMessageKind(string wireType, Type messageType, ServerMessageTraits traits, Type[] requestHandlers)
    {
        WireType = wireType;
        MessageType = messageType;
        IsAlias = traits.HasFlag(ServerMessageTraits.Alias);
        IsSubscribable = traits.HasFlag(ServerMessageTraits.Subscribable);
        IsDefaultNotification = traits.HasFlag(ServerMessageTraits.DefaultNotification);
        IsRequest = traits.HasFlag(ServerMessageTraits.Request) || requestHandlers.Length > 0;
        RequestHandlers = requestHandlers;
    }

    /// <summary>The <c>type</c> string as Vapi sends it, for example <c>tool-calls</c>.</summary>
    public string WireType { get; }

    /// <summary>The <see cref="ServerMessage"/> subclass the message is read into.</summary>
    public Type MessageType { get; }

    /// <summary>
    /// Whether this row is a second name for a class that has its own row (<c>transcript[transcriptType="final"]</c>
    /// is read as a <see cref="TranscriptMessage"/>). Aliases are read and subscribed to, never derived from a handler.
    /// </summary>
    public bool IsAlias { get; }

    /// <summary>Whether Vapi accepts the type in an assistant's <c>serverMessages</c>.</summary>
    public bool IsSubscribable { get; }

    /// <summary>Whether a catch-all <c>IServerMessageHandler&lt;ServerMessage&gt;</c> subscribes to it.</summary>
    public bool IsDefaultNotification { get; }

    /// <summary>
    /// Whether Vapi waits for a reply other than <c>{}</c> (<c>assistant-request</c>, <c>tool-calls</c>,
    /// <c>function-call</c>...): such a message is answered inline, never queued, since the reply is the point.
    /// </summary>
    public bool IsRequest { get; }

    /// <summary>
    /// The services whose registration means this host answers the type (for example <c>IToolCallsHandler</c> or a
    /// tool for <c>tool-calls</c>); empty for notifications, which are answered by their
    /// <see cref="Handlers.IServerMessageHandler{TMessage}"/> (<see cref="NotificationHandler"/>).
    /// </summary>
    public IReadOnlyList<Type> RequestHandlers { get; }

    /// <summary>The closed <c>IServerMessageHandler&lt;TMessage&gt;</c> that observes this type.</summary>
    public abstract Type NotificationHandler { get; }

    /// <summary>A new, empty message of this kind with its <see cref="ServerMessage.Type"/> set to <see cref="WireType"/>.</summary>
    /// <returns>The message.</returns>
    public abstract ServerMessage CreateMessage();

    /// <summary>Reads the whole object at the reader's position as <see cref="MessageType"/> (one delegate per row, made once).</summary>
    internal abstract DiscriminatedUnionConverter<ServerMessage>.ReadConcrete Reader { get; }

    /// <summary>Adds the typed notification handlers registered for this kind to <paramref name="handlers"/>.</summary>
    internal abstract void CollectNotificationHandlers(ServerMessage message, IServiceProvider services, Microsoft.Extensions.DependencyInjection.IServiceProviderIsService? registered, ref List<Func<CancellationToken, Task>>? handlers);

    /// <inheritdoc />
    public override string ToString() => $"{WireType} ({MessageType.Name})";
}
