using System.Net;

namespace VapiWebhooks.CallControl.Http;

/// <summary>Decides whether a control URL may be followed: <c>https</c> on an allowed host, or loopback when allowed.</summary>
internal static class ControlUrlPolicy
{
    public static bool IsAllowed(Uri url, IEnumerable<string> allowedHosts, bool allowLoopback)
    {
        if (!url.IsAbsoluteUri || !string.IsNullOrEmpty(url.UserInfo))
        {
            return false;
        }

        if (allowLoopback && IsLoopback(url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps))
        {
            return true;
        }

        if (url.Scheme != Uri.UriSchemeHttps || url.HostNameType != UriHostNameType.Dns)
        {
            return false;
        }

        var host = url.IdnHost.TrimEnd('.');
        foreach (var entry in allowedHosts)
        {
            if (string.IsNullOrWhiteSpace(entry))
            {
                continue;
            }

            if (entry.StartsWith("*.", StringComparison.Ordinal))
            {
                // "*.vapi.ai" matches any subdomain, never "vapi.ai.evil.example" or "evilvapi.ai".
                var suffix = entry.AsSpan(1);
                if (host.Length > suffix.Length && host.AsSpan().EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            else if (string.Equals(host, entry, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLoopback(Uri url) => url.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(url.IdnHost, out var address) && IPAddress.IsLoopback(address),
        UriHostNameType.Dns => string.Equals(url.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase),
        _ => false,
    };
}
