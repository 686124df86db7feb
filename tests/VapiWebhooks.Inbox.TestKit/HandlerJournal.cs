using System.Collections.Concurrent;
using VapiWebhooks.Messages;

namespace VapiWebhooks.Inbox.TestKit;

/// <summary>What the handlers saw, in order, and how the test wants them to behave.</summary>
public sealed class HandlerJournal
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    /// <summary>Decides whether an attempt throws (by message and delivery); null: never.</summary>
    public Func<ServerMessage, InboxDelivery?, bool>? Fail { get; set; }

    /// <summary>Awaited inside the handler before it records, to hold it mid-flight.</summary>
    public Func<ServerMessage, CancellationToken, Task>? Hold { get; set; }

    public IReadOnlyList<Entry> Entries => [.. _entries];

    public IReadOnlyList<Entry> Succeeded => [.. _entries.Where(e => e.Succeeded)];

    internal void Record(Entry entry) => _entries.Enqueue(entry);

    /// <summary>Waits (bounded) until <paramref name="condition"/> holds.</summary>
    public async Task WaitUntilAsync(Func<HandlerJournal, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition(this))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The handlers did not reach the expected state; journal: {string.Join(", ", _entries.Select(e => $"{e.CallId}#{e.Index}@{e.Attempt}{(e.Succeeded ? "" : "!")}"))}");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>One handler attempt.</summary>
    public sealed record Entry(string? CallId, long Index, string? MessageId, int Attempt, bool Succeeded);
}
