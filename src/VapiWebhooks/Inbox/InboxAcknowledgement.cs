namespace VapiWebhooks.Inbox;

/// <summary>The result of <see cref="IVapiInboxAcknowledger.AcknowledgeAsync"/>.</summary>
public enum InboxAcknowledgement
{
    /// <summary>The message is committed and will be handled: answer 200.</summary>
    Stored,

    /// <summary>The same body was already stored within the retention window (a retry): answer 200, nothing new happens.</summary>
    Duplicate,

    /// <summary>The store could not commit: answer 503 so that the sender retries; never 200.</summary>
    Unavailable,
}
