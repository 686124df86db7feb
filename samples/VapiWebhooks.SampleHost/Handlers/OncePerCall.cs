using System.Collections.Concurrent;

namespace VapiWebhooks.SampleHost.Handlers;

/// <summary>
/// Remembers that something was done for a call (the closing-time goodbye, the transfer to a person), so that the
/// many messages of one call act once. Bounded: the oldest marks are forgotten first.
/// </summary>
public sealed class OncePerCall
{
    private const int MaxMarks = 10_000;

    private readonly ConcurrentDictionary<string, byte> _marks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    /// <summary>True the first time for <paramref name="callId"/> and <paramref name="what"/>.</summary>
    public bool TryMark(string callId, string what)
    {
        var key = what + ":" + callId;
        if (!_marks.TryAdd(key, 0))
        {
            return false;
        }

        _order.Enqueue(key);
        while (_order.Count > MaxMarks && _order.TryDequeue(out var oldest))
        {
            _marks.TryRemove(oldest, out _);
        }

        return true;
    }
}
