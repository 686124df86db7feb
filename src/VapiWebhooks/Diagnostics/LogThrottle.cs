using System.Collections.Concurrent;

namespace VapiWebhooks.Diagnostics;

/// <summary>
/// Decides whether a log entry about something a client can repeat at will (a refused request, an unknown tool name)
/// is written: at most once per key per interval, so a client cannot drive log volume. Bounded in memory: hostile
/// clients can invent keys without end, so past <see cref="MaxKeys"/> keys every new key shares one entry.
/// </summary>
internal sealed class LogThrottle(TimeProvider time)
{
    public const int MaxKeys = 1024;

    private const string OverflowKey = "\0overflow";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>True when this occurrence is to be logged; <paramref name="suppressed"/> counts those left out since the last entry.</summary>
    public bool ShouldLog(string key, TimeSpan interval, out long suppressed)
    {
        suppressed = 0;
        if (interval <= TimeSpan.Zero)
        {
            return true;
        }

        if (!_entries.TryGetValue(key, out var entry))
        {
            if (_entries.Count >= MaxKeys)
            {
                Prune(interval);
            }

            entry = _entries.Count < MaxKeys ? _entries.GetOrAdd(key, static _ => new Entry()) : _entries.GetOrAdd(OverflowKey, static _ => new Entry());
        }

        var now = time.GetTimestamp();
        lock (entry)
        {
            if (entry.Logged && time.GetElapsedTime(entry.LastLogged, now) < interval)
            {
                entry.Suppressed++;
                return false;
            }

            suppressed = entry.Suppressed;
            entry.Suppressed = 0;
            entry.LastLogged = now;
            entry.Logged = true;
            return true;
        }
    }

    // Forgets keys whose interval has passed with nothing left out: their next occurrence is logged anyway.
    private void Prune(TimeSpan interval)
    {
        var now = time.GetTimestamp();
        foreach (var (key, entry) in _entries)
        {
            lock (entry)
            {
                if (entry.Suppressed == 0 && time.GetElapsedTime(entry.LastLogged, now) >= interval)
                {
                    _entries.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class Entry
    {
        public long LastLogged;
        public long Suppressed;
        public bool Logged;
    }
}
