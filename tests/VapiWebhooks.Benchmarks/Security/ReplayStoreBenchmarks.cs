using BenchmarkDotNet.Attributes;
using VapiWebhooks.Security;

namespace VapiWebhooks.Benchmarks.Security;

/// <summary>Cost the in-memory replay store adds to an HMAC verification: one new key per call, purging as it goes.</summary>
[MemoryDiagnoser]
public class ReplayStoreVerificationBenchmarks
{
    private readonly InMemoryVapiReplayStore _store = new(capacity: 10_000);
    private readonly string[] _keys = [.. Enumerable.Range(0, 1 << 16).Select(i => "sig:" + i.ToString("x8", System.Globalization.CultureInfo.InvariantCulture))];
    private int _next;

    [Benchmark(Description = "InMemoryVapiReplayStore.TryAddAsync (new key, at capacity)")]
    public ValueTask<bool> TryAddNewKey() => _store.TryAddAsync(_keys[_next++ & (_keys.Length - 1)], DateTimeOffset.UtcNow.AddMinutes(5));
}
