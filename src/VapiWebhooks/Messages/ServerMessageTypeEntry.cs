namespace VapiWebhooks.Messages;

/// <summary>One row of <see cref="ServerMessageTypeTable"/>: a wire type, its class and its traits.</summary>
internal abstract class ServerMessageTypeEntry(string wireType, Type messageType, ServerMessageTraits traits)
{
    /// <summary>The <c>type</c> as sent.</summary>
    public string WireType { get; } = wireType;

    /// <summary>The class it is read into.</summary>
    public Type MessageType { get; } = messageType;

    /// <summary>How Vapi treats it.</summary>
    public ServerMessageTraits Traits { get; } = traits;

    /// <summary>
    /// Calls <paramref name="visitor"/> with the class as a type argument: how the converter, the notification
    /// routes and the <c>serverMessages</c> computation get a closed generic per type without MakeGenericType
    /// (trim- and AOT-safe).
    /// </summary>
    public abstract TResult Accept<TResult>(IServerMessageTypeVisitor<TResult> visitor);
}

/// <summary>A <see cref="ServerMessageTypeEntry"/> for <typeparamref name="TMessage"/>.</summary>
/// <typeparam name="TMessage">The message class.</typeparam>
internal sealed class ServerMessageTypeEntry<TMessage>(string wireType, ServerMessageTraits traits)
    : ServerMessageTypeEntry(wireType, typeof(TMessage), traits)
    where TMessage : ServerMessage
{
    public override TResult Accept<TResult>(IServerMessageTypeVisitor<TResult> visitor) => visitor.Visit<TMessage>();
}

/// <summary>Derives something per message class from <see cref="ServerMessageTypeTable"/>.</summary>
/// <typeparam name="TResult">What it derives.</typeparam>
internal interface IServerMessageTypeVisitor<out TResult>
{
    /// <summary>Derives it for <typeparamref name="TMessage"/>.</summary>
    TResult Visit<TMessage>()
        where TMessage : ServerMessage;
}
