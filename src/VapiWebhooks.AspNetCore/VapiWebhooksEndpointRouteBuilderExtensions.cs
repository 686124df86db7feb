using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks.AspNetCore;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the endpoint Vapi posts its server messages to.</summary>
public static class VapiWebhooksEndpointRouteBuilderExtensions
{
    /// <summary>The default route: <c>/vapi/webhook</c>.</summary>
    public const string DefaultPattern = "/vapi/webhook";

    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to the VapiWebhooks endpoint. Map it several times to serve,
    /// say, tools and everything else on different URLs.
    /// </summary>
    /// <param name="endpoints">The route builder (usually the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route pattern; <c>/vapi/webhook</c> by default.</param>
    /// <returns>The endpoint's convention builder, for <c>RequireAuthorization</c>, <c>RequireRateLimiting</c>, <c>WithTags</c>...</returns>
    /// <exception cref="InvalidOperationException"><c>AddVapiWebhooks</c> was not called.</exception>
    public static IEndpointConventionBuilder MapVapiWebhooks(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var endpoint = endpoints.ServiceProvider.GetService<VapiWebhookEndpoint>()
            ?? throw new InvalidOperationException(
                "Unable to find the required services. Add them by calling 'builder.Services.AddVapiWebhooks()' in the application's start-up code before calling 'app.MapVapiWebhooks()'.");

        return endpoints.MapPost(pattern, endpoint.HandleAsync)
            .WithDisplayName("Vapi webhook " + pattern);
    }
}
