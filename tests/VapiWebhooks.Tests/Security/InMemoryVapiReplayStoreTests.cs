using VapiWebhooks.Security;
using VapiWebhooks.Testing;

namespace VapiWebhooks.Tests.Security;

public class InMemoryVapiReplayStoreTests
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Second_use_of_a_key_is_refused_until_it_expires_then_accepted_again()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryVapiReplayStore(clock);
        var expiresAt = clock.GetUtcNow() + Window;

        (await store.TryAddAsync("sig:a", expiresAt)).Should().BeTrue();
        (await store.TryAddAsync("sig:a", expiresAt)).Should().BeFalse();
        (await store.TryAddAsync("sig:b", expiresAt)).Should().BeTrue("keys are independent");

        clock.Advance(Window - TimeSpan.FromTicks(1));
        (await store.TryAddAsync("sig:a", clock.GetUtcNow() + Window)).Should().BeFalse("still inside its window");

        clock.Advance(TimeSpan.FromTicks(1));
        (await store.TryAddAsync("sig:a", clock.GetUtcNow() + Window)).Should().BeTrue("the entry has expired");
        (await store.TryAddAsync("sig:a", clock.GetUtcNow() + Window)).Should().BeFalse("and is recorded anew");
    }

    [Fact]
    public async Task A_removed_key_is_accepted_again_and_then_refused_again()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryVapiReplayStore(clock);
        var expiresAt = clock.GetUtcNow() + Window;

        (await store.TryAddAsync("sig:a", expiresAt)).Should().BeTrue();
        (await store.TryAddAsync("sig:b", expiresAt)).Should().BeTrue();
        await store.RemoveAsync("sig:a");

        (await store.TryAddAsync("sig:a", expiresAt)).Should().BeTrue("the request it belonged to was not answered 2xx");
        (await store.TryAddAsync("sig:a", expiresAt)).Should().BeFalse();
        (await store.TryAddAsync("sig:b", expiresAt)).Should().BeFalse("only the removed key is forgotten");
        store.Count.Should().Be(2);
    }

    [Fact]
    public async Task Expired_entries_are_purged_so_memory_does_not_grow_with_traffic()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryVapiReplayStore(clock);

        for (var minute = 0; minute < 60; minute++)
        {
            for (var i = 0; i < 100; i++)
            {
                (await store.TryAddAsync($"sig:{minute}:{i}", clock.GetUtcNow() + Window)).Should().BeTrue();
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        store.Count.Should().BeLessThanOrEqualTo(600, "only about one window of keys (5 minutes x 100) may be held");
    }

    [Fact]
    public async Task At_capacity_the_oldest_entry_is_evicted_and_the_count_never_exceeds_the_capacity()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryVapiReplayStore(clock, capacity: 3);
        var expiresAt = clock.GetUtcNow() + Window;

        foreach (var key in new[] { "k1", "k2", "k3", "k4" })
        {
            (await store.TryAddAsync(key, expiresAt)).Should().BeTrue();
            store.Count.Should().BeLessThanOrEqualTo(3);
        }

        (await store.TryAddAsync("k4", expiresAt)).Should().BeFalse("the newest entries are kept");
        (await store.TryAddAsync("k3", expiresAt)).Should().BeFalse();
        (await store.TryAddAsync("k1", expiresAt)).Should().BeTrue("the oldest entry made room");
        store.Count.Should().Be(3);
    }

    [Fact]
    public async Task Concurrent_adds_of_one_key_accept_exactly_one()
    {
        var clock = new ManualTimeProvider();
        var store = new InMemoryVapiReplayStore(clock);
        var expiresAt = clock.GetUtcNow() + Window;
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, 64)
            .Select(_ => Task.Run(async () =>
            {
                start.Wait();
                return await store.TryAddAsync("sig:same", expiresAt);
            }))
            .ToArray();
        start.Set();
        var results = await Task.WhenAll(attempts);

        results.Count(accepted => accepted).Should().Be(1);
    }

    [Fact]
    public void Capacity_must_be_positive()
    {
        var create = () => new InMemoryVapiReplayStore(capacity: 0);

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
