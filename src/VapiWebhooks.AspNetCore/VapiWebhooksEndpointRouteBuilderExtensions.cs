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
    /// <param name="credentialName">
    /// The credential this endpoint accepts: null for the default one (configuration section
    /// <c>Vapi:Webhooks:Authentication</c>), or a name bound from <c>Vapi:Webhooks:Credentials:{name}</c> and/or
    /// configured with <c>AddCredential(name, ...)</c>, so that a tool server and an assistant server can use
    /// different credentials.
    /// </param>
    /// <returns>The endpoint's convention builder, for <c>RequireAuthorization</c>, <c>RequireRateLimiting</c>, <c>WithTags</c>...</returns>
    /// <exception cref="InvalidOperationException"><c>AddVapiWebhooks</c> was not called.</exception>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The credential is missing or invalid; the message says what to configure.</exception>
    public static IEndpointConventionBuilder MapVapiWebhooks(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern, string? credentialName = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var endpoint = endpoints.ServiceProvider.GetService<VapiWebhookEndpoint>()
            ?? throw new InvalidOperationException(
                "Unable to find the required services. Add them by calling 'builder.Services.AddVapiWebhooks()' in the application's start-up code before calling 'app.MapVapiWebhooks()'.");

        return endpoints.MapPost(pattern, endpoint.CreateHandler(credentialName ?? Microsoft.Extensions.Options.Options.DefaultName, pattern))
            .WithDisplayName("Vapi webhook " + pattern);
    }
}
