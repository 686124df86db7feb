namespace VapiWebhooks.Inbox.Storage;

/// <summary>A request to lease due messages.</summary>
/// <param name="Owner">The claiming instance.</param>
/// <param name="MaxCount">The most messages to lease.</param>
/// <param name="Now">The current time: messages due at or before it, with no live lease, are claimable.</param>
/// <param name="LeasedUntil">When the leases expire unless renewed.</param>
public sealed record InboxClaim(string Owner, int MaxCount, DateTimeOffset Now, DateTimeOffset LeasedUntil);
