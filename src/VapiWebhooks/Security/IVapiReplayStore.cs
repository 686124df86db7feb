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
}
