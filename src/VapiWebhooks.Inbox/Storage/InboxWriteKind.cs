namespace VapiWebhooks.Inbox.Storage;

/// <summary>What an <see cref="InboxWrite"/> does.</summary>
public enum InboxWriteKind
{
    /// <summary>Store a new message (skipped when its id is already stored).</summary>
    Append,

    /// <summary>A leased message was handled.</summary>
    Handled,

    /// <summary>A leased message failed and is due again later.</summary>
    Retry,

    /// <summary>A leased message failed its last attempt.</summary>
    DeadLetter,

    /// <summary>A leased message goes back to the queue, its attempt not counted.</summary>
    Release,
}
