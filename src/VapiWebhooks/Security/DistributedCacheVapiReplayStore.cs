using System.Security.Cryptography;
using Microsoft.Extensions.Caching.Distributed;

namespace VapiWebhooks.Security;

/// <summary>
/// An <see cref="IVapiReplayStore"/> over <see cref="IDistributedCache"/>, shared by several instances.
/// <para>
/// <see cref="IDistributedCache"/> has no atomic "add if absent", so two instances receiving the same replay at the same
/// moment can both accept it. The store narrows that window: it checks for the key, writes a random marker, then reads
/// the key back and accepts only if its own marker is still there, so of two racing writers at most the last one wins
/// unless both read back before either wrote. For a strict guarantee implement <see cref="IVapiReplayStore"/> over an
/// atomic primitive (for example Redis <c>SET key value NX PX ttl</c>).
/// </para>
/// </summary>
public sealed class DistributedCacheVapiReplayStore : IVapiReplayStore
{
    /// <summary>The default prefix of the cache keys.</summary>
    public const string DefaultKeyPrefix = "vapi:replay:";

    private const int MarkerSize = 16;

    private readonly IDistributedCache _cache;
    private readonly TimeProvider _timeProvider;
    private readonly string _keyPrefix;

    /// <summary>Creates a store over <paramref name="cache"/>.</summary>
    /// <param name="cache">The shared cache.</param>
    /// <param name="timeProvider">The clock used to turn the expiry into a lifetime; <see cref="TimeProvider.System"/> when null.</param>
    /// <param name="keyPrefix">Prefix of the cache keys, to keep apps sharing one cache apart.</param>
    public DistributedCacheVapiReplayStore(IDistributedCache cache, TimeProvider? timeProvider = null, string keyPrefix = DefaultKeyPrefix)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(keyPrefix);
        _cache = cache;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _keyPrefix = keyPrefix;
    }

    /// <inheritdoc />
    public async ValueTask<bool> TryAddAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var cacheKey = _keyPrefix + key;
        if (await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        // A relative lifetime keeps working when the cache's clock differs from ours; at least a second so it is never zero.
        var lifetime = expiresAt - _timeProvider.GetUtcNow();
        var options = new DistributedCacheEntryOptions
        {
            AbsoluteExpirationRelativeToNow = lifetime > TimeSpan.FromSeconds(1) ? lifetime : TimeSpan.FromSeconds(1),
        };
        var marker = RandomNumberGenerator.GetBytes(MarkerSize);
        await _cache.SetAsync(cacheKey, marker, options, cancellationToken).ConfigureAwait(false);

        var stored = await _cache.GetAsync(cacheKey, cancellationToken).ConfigureAwait(false);
        return stored is not null && CryptographicOperations.FixedTimeEquals(stored, marker);
    }

    /// <inheritdoc />
    public async ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await _cache.RemoveAsync(_keyPrefix + key, cancellationToken).ConfigureAwait(false);
    }
}
