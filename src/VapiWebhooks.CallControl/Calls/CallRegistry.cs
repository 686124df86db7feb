using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VapiWebhooks.CallControl.Calls;

/// <summary>
/// What this process knows about calls: the control URL of each call a control was made for (so that a stored
/// call id is enough later), and which calls have ended. Bounded: the oldest entries are forgotten first.
/// </summary>
internal sealed class CallRegistry(IOptionsMonitor<VapiCallControlOptions> options)
{
    private readonly ConcurrentDictionary<string, Uri> _controlUrls = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _controlUrlOrder = new();
    private readonly ConcurrentDictionary<string, byte> _ended = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _endedOrder = new();

    public void Remember(string callId, Uri controlUrl)
    {
        if (_controlUrls.TryAdd(callId, controlUrl))
        {
            _controlUrlOrder.Enqueue(callId);
            Trim(_controlUrls, _controlUrlOrder);
        }
    }

    public bool TryGetControlUrl(string callId, out Uri controlUrl) => _controlUrls.TryGetValue(callId, out controlUrl!);

    /// <summary>The key a call is tracked by: its id, or else its control URL.</summary>
    public static string KeyFor(string? callId, Uri controlUrl) => callId ?? controlUrl.AbsoluteUri;

    public bool HasEnded(string key) => _ended.ContainsKey(key);

    /// <returns>True the first time the call is marked.</returns>
    public bool MarkEnded(string key)
    {
        if (!_ended.TryAdd(key, 0))
        {
            return false;
        }

        _endedOrder.Enqueue(key);
        Trim(_ended, _endedOrder);
        _controlUrls.TryRemove(key, out _);
        return true;
    }

    private void Trim<TValue>(ConcurrentDictionary<string, TValue> map, ConcurrentQueue<string> order)
    {
        var max = Math.Max(1, options.CurrentValue.MaxRememberedCalls);
        while (order.Count > max && order.TryDequeue(out var oldest))
        {
            map.TryRemove(oldest, out _);
        }
    }
}
