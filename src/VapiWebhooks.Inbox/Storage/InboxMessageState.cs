namespace VapiWebhooks.Inbox.Storage;

/// <summary>The state of a stored message (stored as these numbers).</summary>
public enum InboxMessageState
{
    /// <summary>Waiting for a worker, leased to one, or waiting for a retry.</summary>
    Pending = 0,

    /// <summary>Handled; kept until the retention window ends so that a retry of the same body is recognised.</summary>
    Handled = 1,

    /// <summary>Failed every attempt; kept until requeued or purged.</summary>
    DeadLettered = 2,
}
