namespace VapiWebhooks.Messages;

/// <summary>What a row of <see cref="ServerMessageTable"/> says about its type besides its class.</summary>
[Flags]
internal enum ServerMessageTraits
{
    /// <summary>Nothing special: a type that is neither subscribable nor an alias.</summary>
    None = 0,

    /// <summary>Vapi accepts the type in an assistant's <c>serverMessages</c>.</summary>
    Subscribable = 1,

    /// <summary>A catch-all <c>IServerMessageHandler&lt;ServerMessage&gt;</c> subscribes to it.</summary>
    DefaultNotification = 2,

    /// <summary>A second wire name for a class that has its own row.</summary>
    Alias = 4,

    /// <summary>Vapi waits for a reply other than <c>{}</c> (implied by a row that names its request handlers).</summary>
    Request = 8,
}
