namespace VapiWebhooks.Simulator.Generation;

/// <summary>Whether a configured server URL is the one being simulated against (same scheme, host, port and path).</summary>
internal static class ServerUrls
{
    /// <summary>True when <paramref name="configured"/> is empty (Vapi then uses the assistant's or the phone number's
    /// server URL, which is the one under test) or points at <paramref name="target"/>.</summary>
    public static bool PointsAt(string? configured, Uri target)
    {
        if (string.IsNullOrWhiteSpace(configured))
        {
            return true;
        }

        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return string.Equals(uri.Scheme, target.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, target.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == target.Port
            && string.Equals(uri.AbsolutePath.TrimEnd('/'), target.AbsolutePath.TrimEnd('/'), StringComparison.Ordinal);
    }
}
