using System.Threading.Channels;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// The last exchanges, in a ring buffer bounded both in count (<see cref="VapiInspectorOptions.Capacity"/>) and in
/// bytes (<see cref="VapiInspectorOptions.MaxTotalBytes"/>): adding one drops the oldest until both hold. Live
/// viewers subscribe to a bounded channel each; a slow viewer loses its oldest unsent items, never slows a request.
/// </summary>
internal sealed class InspectorStore
{
    private const int SubscriberBacklog = 1000;

    private readonly Lock _lock = new();
    private readonly InspectedExchange?[] _ring;
    private readonly List<Channel<InspectedExchange>> _subscribers = [];
    private int _head;
    private int _count;
    private long _bytes;
    private long _lastId;

    public InspectorStore(VapiInspectorOptions options, TimeProvider clock)
    {
        options.Validate();
        Options = options;
        Clock = clock;
        _ring = new InspectedExchange?[options.Capacity];
    }

    public VapiInspectorOptions Options { get; }

    public TimeProvider Clock { get; }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    public void Add(InspectedExchange exchange)
    {
        lock (_lock)
        {
            exchange.Id = ++_lastId;
            if (_count == _ring.Length)
            {
                RemoveOldest();
            }

            _ring[(_head + _count) % _ring.Length] = exchange;
            _count++;
            _bytes += exchange.Size;
            while (_bytes > Options.MaxTotalBytes && _count > 1)
            {
                RemoveOldest();
            }

            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(exchange);
            }
        }
    }

    /// <summary>The kept exchanges, oldest first.</summary>
    public List<InspectedExchange> Snapshot()
    {
        lock (_lock)
        {
            var list = new List<InspectedExchange>(_count);
            for (var i = 0; i < _count; i++)
            {
                list.Add(_ring[(_head + i) % _ring.Length]!);
            }

            return list;
        }
    }

    public InspectedExchange? Find(long id)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                return null;
            }

            var oldest = _ring[_head]!.Id;
            var offset = id - oldest;
            return offset >= 0 && offset < _count ? _ring[(_head + (int)offset) % _ring.Length] : null;
        }
    }

    /// <summary>
    /// Subscribes to new exchanges. The snapshot and the subscription are taken under one lock, so nothing is seen
    /// twice or missed between them.
    /// </summary>
    public (List<InspectedExchange> Snapshot, ChannelReader<InspectedExchange> Live, IDisposable Subscription) Subscribe()
    {
        var channel = Channel.CreateBounded<InspectedExchange>(new BoundedChannelOptions(SubscriberBacklog)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_lock)
        {
            var snapshot = Snapshot();
            _subscribers.Add(channel);
            return (snapshot, channel.Reader, new Unsubscriber(this, channel));
        }
    }

    private void RemoveOldest()
    {
        var oldest = _ring[_head]!;
        _ring[_head] = null;
        _head = (_head + 1) % _ring.Length;
        _count--;
        _bytes -= oldest.Size;
    }

    private sealed class Unsubscriber(InspectorStore store, Channel<InspectedExchange> channel) : IDisposable
    {
        public void Dispose()
        {
            lock (store._lock)
            {
                store._subscribers.Remove(channel);
            }

            channel.Writer.TryComplete();
        }
    }
}
