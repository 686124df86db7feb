namespace VapiWebhooks.Messages;

/// <summary>How Vapi treats a wire type, as recorded in <see cref="ServerMessageTypeTable"/>.</summary>
[Flags]
internal enum ServerMessageTraits
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>Vapi accepts it in <c>assistant.serverMessages</c>.</summary>
    Subscribable = 1,

    /// <summary>A catch-all <c>IServerMessageHandler&lt;ServerMessage&gt;</c> subscribes to it (see <see cref="VapiServerMessages.DefaultNotificationTypes"/>).</summary>
    CatchAllDefault = 2,

    /// <summary>A second wire spelling of a class that has its canonical entry elsewhere in the table.</summary>
    Alias = 4,
}
