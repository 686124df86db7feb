namespace VapiWebhooks.Inbox.Processing;

/// <summary>Wakes the claim loop: a new message was stored, a slot freed, or another instance committed.</summary>
internal sealed class InboxSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Wake() => Volatile.Read(ref _next).TrySetResult();

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _next);
        if (!current.Task.IsCompleted)
        {
            try
            {
                await current.Task.WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
            }
        }

        // Re-arm only the signal we waited on: a wake-up that arrived meanwhile stays visible to the next wait.
        Interlocked.CompareExchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
    }
}
