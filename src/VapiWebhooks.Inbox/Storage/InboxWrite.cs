namespace VapiWebhooks.Inbox.Storage;

/// <summary>One change the group commit applies: a new message, or the outcome of handling a leased one.</summary>
public sealed class InboxWrite
{
    private InboxWrite(InboxWriteKind kind, InboxEntry? entry, long sequence, string? owner, DateTimeOffset at, string? error)
    {
        Kind = kind;
        Entry = entry;
        Sequence = sequence;
        Owner = owner;
        At = at;
        Error = error;
    }

    /// <summary>What the write does.</summary>
    public InboxWriteKind Kind { get; }

    /// <summary>The new message (<see cref="InboxWriteKind.Append"/> only).</summary>
    public InboxEntry? Entry { get; }

    /// <summary>The leased message's sequence number (all kinds but <see cref="InboxWriteKind.Append"/>).</summary>
    public long Sequence { get; }

    /// <summary>The instance that holds the lease; a write whose lease was lost takes no effect.</summary>
    public string? Owner { get; }

    /// <summary>When it was handled or dead-lettered, or when a retry is due.</summary>
    public DateTimeOffset At { get; }

    /// <summary>The last error (retries and dead letters).</summary>
    public string? Error { get; }

    /// <summary>Stores a new message unless the same id is already stored.</summary>
    /// <param name="entry">The message.</param>
    /// <returns>The write.</returns>
    public static InboxWrite Append(InboxEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(InboxWriteKind.Append, entry, 0, null, entry.AcknowledgedAt, null);
    }

    /// <summary>Marks a leased message handled.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="owner">The lease holder.</param>
    /// <param name="handledAt">When.</param>
    /// <returns>The write.</returns>
    public static InboxWrite Handled(long sequence, string owner, DateTimeOffset handledAt) => new(InboxWriteKind.Handled, null, sequence, owner, handledAt, null);

    /// <summary>Releases a leased message to be tried again at <paramref name="dueAt"/>.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="owner">The lease holder.</param>
    /// <param name="dueAt">When the next attempt is due.</param>
    /// <param name="error">Why the attempt failed.</param>
    /// <returns>The write.</returns>
    public static InboxWrite Retry(long sequence, string owner, DateTimeOffset dueAt, string error) => new(InboxWriteKind.Retry, null, sequence, owner, dueAt, error);

    /// <summary>Gives up on a leased message: it stays, with its last error, until requeued or purged.</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="owner">The lease holder.</param>
    /// <param name="at">When.</param>
    /// <param name="error">The last error.</param>
    /// <returns>The write.</returns>
    public static InboxWrite DeadLetter(long sequence, string owner, DateTimeOffset at, string error) => new(InboxWriteKind.DeadLetter, null, sequence, owner, at, error);

    /// <summary>Returns a leased message to the queue without counting the attempt (shutdown interrupted it).</summary>
    /// <param name="sequence">The message.</param>
    /// <param name="owner">The lease holder.</param>
    /// <returns>The write.</returns>
    public static InboxWrite Release(long sequence, string owner) => new(InboxWriteKind.Release, null, sequence, owner, default, null);
}
