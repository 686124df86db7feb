using Microsoft.AspNetCore.HttpOverrides;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>Trusts <c>X-Forwarded-*</c> from a proxy on this machine (a local ngrok agent) only.</summary>
public static class LoopbackProxyHeaders
{
    /// <summary>
    /// ngrok (and most reverse proxies) terminate TLS and forward X-Forwarded-For/Proto/Host. Only proxies on
    /// loopback are trusted: that is the default KnownProxies/KnownNetworks (127.0.0.0/8 and ::1), and exactly where
    /// a local ngrok agent connects from. Behind a proxy on another machine, add its address to KnownProxies, never
    /// clear the lists: anyone could then forge the client address and the public host the assistant points at.
    /// </summary>
    public static IServiceCollection AddLoopbackProxyHeaders(this IServiceCollection services)
        => services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.ForwardLimit = 1;
        });
}
