using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// Sends a body through a mapped webhook endpoint in process, as if Vapi had posted it: the same parsing,
/// dispatch, handlers, fallbacks and reply, in a DI scope of its own, without authentication (the inspector
/// either replays a request that was authenticated when it arrived, or sends one the developer built in the page).
/// The exchange is captured like any other and returned.
/// </summary>
internal static class InProcessRequest
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<InspectedExchange> SendAsync(IServiceProvider services, MappedWebhookEndpoint target, byte[] body, long? replayOf, CancellationToken cancellationToken)
    {
        var endpoint = services.GetRequiredService<VapiWebhookEndpoint>();
        var store = endpoint.Inspector ?? throw new InvalidOperationException("The inspector is not mapped.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Limit);
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = timeout.Token };
            context.Request.Method = HttpMethods.Post;
            context.Request.Scheme = "http";
            context.Request.Host = new HostString("inspector.local");
            context.Request.Path = target.Pattern;
            context.Request.ContentType = "application/json";
            context.Request.ContentLength = body.Length;
            context.Request.Body = new MemoryStream(body, writable: false);
            using var reply = new MemoryStream();
            context.Response.Body = reply;
            return await endpoint.HandleInProcessAsync(context, target, store, replayOf).ConfigureAwait(false);
        }
    }
}
