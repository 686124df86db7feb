namespace VapiWebhooks.Inbox.Processing;

/// <summary>Exponential backoff with full jitter, capped: retries of many failed messages spread out instead of landing together.</summary>
internal static class RetryBackoff
{
    /// <summary>The delay after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan After(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, double random)
    {
        // base * 2^(attempt-1), capped before it can overflow; then a uniformly random point in [cap/2, cap].
        var exponent = Math.Min(attempt - 1, 30);
        var ceiling = Math.Min(baseDelay.Ticks * Math.Pow(2, exponent), maxDelay.Ticks);
        return TimeSpan.FromTicks((long)(ceiling / 2 + (ceiling / 2 * random)));
    }
}
