using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Internal;
using Microsoft.Extensions.Options;
using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Security;

public class DistributedCacheVapiReplayStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Second_use_is_refused_across_stores_sharing_the_cache_and_accepted_after_expiry()
    {
        var clock = new ManualTimeProvider();
        var cache = CreateCache(clock);
        var instanceA = new DistributedCacheVapiReplayStore(cache, clock);
        var instanceB = new DistributedCacheVapiReplayStore(cache, clock);
        var expiresAt = clock.GetUtcNow() + Window;

        (await instanceA.TryAddAsync("sig:a", expiresAt)).Should().BeTrue();
        (await instanceB.TryAddAsync("sig:a", expiresAt)).Should().BeFalse("another instance already accepted it");
        (await instanceA.TryAddAsync("sig:a", expiresAt)).Should().BeFalse();

        clock.Advance(Window + TimeSpan.FromSeconds(1));
        (await instanceB.TryAddAsync("sig:a", clock.GetUtcNow() + Window)).Should().BeTrue();
    }

    [Fact]
    public async Task A_key_removed_by_one_instance_is_accepted_again_by_another()
    {
        var clock = new ManualTimeProvider();
        var cache = CreateCache(clock);
        var instanceA = new DistributedCacheVapiReplayStore(cache, clock);
        var instanceB = new DistributedCacheVapiReplayStore(cache, clock);
        var expiresAt = clock.GetUtcNow() + Window;

        (await instanceA.TryAddAsync("sig:a", expiresAt)).Should().BeTrue();
        await instanceA.RemoveAsync("sig:a");

        (await instanceB.TryAddAsync("sig:a", expiresAt)).Should().BeTrue("the request it belonged to was not answered 2xx");
        (await instanceA.TryAddAsync("sig:a", expiresAt)).Should().BeFalse();
    }

    [Fact]
    public async Task Keys_are_prefixed_so_apps_sharing_a_cache_stay_apart()
    {
        var clock = new ManualTimeProvider();
        var cache = CreateCache(clock);
        var expiresAt = clock.GetUtcNow() + Window;

        (await new DistributedCacheVapiReplayStore(cache, clock, "app1:").TryAddAsync("sig:a", expiresAt)).Should().BeTrue();
        (await new DistributedCacheVapiReplayStore(cache, clock, "app2:").TryAddAsync("sig:a", expiresAt)).Should().BeTrue();
        (await cache.GetAsync("app1:sig:a")).Should().NotBeNull();
    }

    [Fact]
    public async Task Expiry_in_the_past_still_stores_the_key_briefly_instead_of_failing()
    {
        var clock = new ManualTimeProvider();
        var store = new DistributedCacheVapiReplayStore(CreateCache(clock), clock);

        (await store.TryAddAsync("sig:late", clock.GetUtcNow() - TimeSpan.FromSeconds(5))).Should().BeTrue();
        (await store.TryAddAsync("sig:late", clock.GetUtcNow())).Should().BeFalse();
    }

    [Fact]
    public async Task Verifier_with_a_shared_cache_refuses_a_replay_sent_to_another_instance()
    {
        var clock = new ManualTimeProvider();
        var cache = CreateCache(clock);
        var options = new VapiHmacOptions { Secrets = ["shared-secret"] };
        var instanceA = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock, new DistributedCacheVapiReplayStore(cache, clock));
        var instanceB = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock, new DistributedCacheVapiReplayStore(cache, clock));
        var request = TestRequest.SignedWith(options, clock.GetUtcNow());

        (await request.VerifyWith(instanceA)).Should().Be(VapiVerificationResult.Valid);
        (await request.VerifyWith(instanceB)).Should().Be(VapiVerificationResult.Replayed);
    }

    [Fact]
    public async Task Cache_holds_hashed_keys_never_the_signature()
    {
        var clock = new ManualTimeProvider();
        var cache = new RecordingCache(CreateCache(clock));
        var options = new VapiHmacOptions { Secrets = ["shared-secret"] };
        var verifier = new VapiRequestVerifier(new VapiAuthenticationOptions { Hmac = options }, clock, new DistributedCacheVapiReplayStore(cache, clock));
        var request = TestRequest.SignedWith(options, clock.GetUtcNow());

        (await request.VerifyWith(verifier)).Should().Be(VapiVerificationResult.Valid);

        var signature = request.Headers["x-signature"];
        cache.Keys.Should().NotBeEmpty().And.OnlyContain(key => key.StartsWith("vapi:replay:sig:", StringComparison.Ordinal));
        cache.Keys.Should().NotContain(key => key.Contains(signature, StringComparison.OrdinalIgnoreCase));
    }

    private static MemoryDistributedCache CreateCache(TimeProvider clock) =>
        new(Options.Create(new MemoryDistributedCacheOptions { Clock = new TimeProviderClock(clock) }));

    /// <summary>Lets the memory cache expire entries on the test's clock.</summary>
    private sealed class TimeProviderClock(TimeProvider timeProvider) : ISystemClock
    {
        public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
    }

    private sealed class RecordingCache(IDistributedCache inner) : IDistributedCache
    {
        public List<string> Keys { get; } = [];

        public byte[]? Get(string key) => Record(inner.Get(key), key);

        public async Task<byte[]?> GetAsync(string key, CancellationToken token = default) => Record(await inner.GetAsync(key, token), key);

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options) => inner.Set(Record(key), value, options);

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default) =>
            inner.SetAsync(Record(key), value, options, token);

        private T Record<T>(T result, string key)
        {
            Keys.Add(key);
            return result;
        }

        private string Record(string key)
        {
            Keys.Add(key);
            return key;
        }
    }
}
