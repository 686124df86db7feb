namespace VapiWebhooks.Security;

/// <summary>
/// A per-process <see cref="IVapiReplayStore"/>: thread-safe, with bounded memory. Expired entries are purged as new ones
/// arrive; at <see cref="Capacity"/> the oldest entry is evicted, so under an overload the oldest signatures lose replay
/// protection rather than genuine webhooks being refused. Use <see cref="DistributedCacheVapiReplayStore"/> when several
/// instances serve the same webhook URL.
/// </summary>
public sealed class InMemoryVapiReplayStore : IVapiReplayStore
{
    /// <summary>The default <see cref="Capacity"/>: about 20 MB of keys, far above Vapi's traffic within a few minutes.</summary>
    public const int DefaultCapacity = 100_000;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, long> _expiries = new(StringComparer.Ordinal);

    // Insertion order. Entries whose key was re-added later are skipped when they reach the front.
    private readonly Queue<(string Key, long ExpiresAt)> _order = new();
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates a store.</summary>
    /// <param name="timeProvider">The clock deciding expiry; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="capacity">The most keys held at once.</param>
    public InMemoryVapiReplayStore(TimeProvider? timeProvider = null, int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _timeProvider = timeProvider ?? TimeProvider.System;
        Capacity = capacity;
    }

    /// <summary>The most keys held at once.</summary>
    public int Capacity { get; }

    /// <summary>The number of keys held, including expired ones not yet purged.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _expiries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> TryAddAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _timeProvider.GetUtcNow().UtcTicks;
        var expiry = expiresAt.UtcTicks;
        lock (_lock)
        {
            PurgeExpired(now);
            if (_expiries.TryGetValue(key, out var existing) && existing > now)
            {
                return ValueTask.FromResult(false);
            }

            while (_expiries.Count >= Capacity && !_expiries.ContainsKey(key) && _order.Count > 0)
            {
                RemoveFront();
            }

            _expiries[key] = expiry;
            _order.Enqueue((key, expiry));
            return ValueTask.FromResult(true);
        }
    }

    /// <inheritdoc />
    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        lock (_lock)
        {
            // Its entry in the insertion order stays and is skipped (or frees a re-added key no earlier than it expires).
            _expiries.Remove(key);
        }

        return ValueTask.CompletedTask;
    }

    private void PurgeExpired(long now)
    {
        // Expiries are roughly in insertion order (timestamp + a fixed tolerance), so purging from the front is enough
        // to keep memory bounded; a late entry stuck behind a younger one is freed at most one window later.
        while (_order.TryPeek(out var front) && front.ExpiresAt <= now)
        {
            RemoveFront();
        }
    }

    private void RemoveFront()
    {
        var (key, expiresAt) = _order.Dequeue();
        if (_expiries.TryGetValue(key, out var current) && current == expiresAt)
        {
            _expiries.Remove(key);
        }
    }
}
