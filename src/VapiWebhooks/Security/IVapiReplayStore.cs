namespace VapiWebhooks.Security;

/// <summary>
/// Remembers accepted signatures (or signed message ids) so a captured request cannot be sent again within the
/// tolerance window. Keys are already hashes and carry no secret.
/// </summary>
public interface IVapiReplayStore
{
    /// <summary>
    /// Records <paramref name="key"/> until <paramref name="expiresAt"/>. Returns true when the key was new (or its previous
    /// entry had expired), false when it is already recorded, which means the request is a replay.
    /// </summary>
    /// <param name="key">The replay key.</param>
    /// <param name="expiresAt">When the key may be forgotten: past this instant the timestamp check refuses the request anyway.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    ValueTask<bool> TryAddAsync(string key, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets <paramref name="key"/>, which this process added with <see cref="TryAddAsync"/> for a request that was then
    /// not answered 2xx (the store could not commit, the body was invalid, a handler failed, the client went away): the
    /// sender may retry that request with the same signature. A request answered 2xx keeps its key until it expires.
    /// <para>
    /// The default implementation does nothing, so a store written before this member existed keeps every key: a retry
    /// of a refused request with the same signature is then refused as a replay. Override it to allow such retries.
    /// </para>
    /// </summary>
    /// <param name="key">A key that <see cref="TryAddAsync"/> added.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the key is forgotten.</returns>
    ValueTask RemoveAsync(string key, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;
}
