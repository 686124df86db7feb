using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.AspNetCore.Inspector;

namespace Microsoft.AspNetCore.Builder;

/// <summary>Maps the inspector: a live page of every webhook exchange, per call, with replay and a tool form.</summary>
public static class VapiInspectorEndpointRouteBuilderExtensions
{
    /// <summary>The default route: <c>/vapi/inspector</c>.</summary>
    public const string DefaultPattern = "/vapi/inspector";

    /// <summary>
    /// Maps the inspector page under <paramref name="pattern"/>: a live list of every exchange on every
    /// <c>MapVapiWebhooks</c> endpoint (time, endpoint, type, call, authentication, status, latency against the type's
    /// deadline, handler outcome), a timeline per call, each request and reply (credentials redacted), voice replies
    /// with a waveform and a player, replay, and a form for each registered tool. From this call on, exchanges are
    /// kept in memory (a ring buffer, see <see cref="VapiInspectorOptions"/>); an app that never calls it captures
    /// nothing.
    /// </summary>
    /// <param name="endpoints">The route builder (usually the <c>WebApplication</c>).</param>
    /// <param name="pattern">The route prefix; <c>/vapi/inspector</c> by default.</param>
    /// <param name="configure">Sets the limits, and <see cref="VapiInspectorOptions.AllowOutsideDevelopment"/>.</param>
    /// <returns>
    /// The convention builder of the inspector's endpoints (<c>RequireAuthorization</c>, <c>RequireHost</c>...). Outside
    /// Development it must be given <c>RequireAuthorization(...)</c>, or start-up fails.
    /// </returns>
    /// <exception cref="InvalidOperationException">
    /// <c>AddVapiWebhooks</c> was not called, or the environment is not Development and
    /// <see cref="VapiInspectorOptions.AllowOutsideDevelopment"/> is not set.
    /// </exception>
    public static IEndpointConventionBuilder MapVapiInspector(this IEndpointRouteBuilder endpoints, string pattern = DefaultPattern, Action<VapiInspectorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var services = endpoints.ServiceProvider;
        var webhooks = services.GetService<VapiWebhookEndpoint>()
            ?? throw new InvalidOperationException(
                "Unable to find the required services. Add them by calling 'builder.Services.AddVapiWebhooks()' in the application's start-up code before calling 'app.MapVapiInspector()'.");

        var options = new VapiInspectorOptions();
        configure?.Invoke(options);
        var environment = services.GetRequiredService<IHostEnvironment>();
        var development = environment.IsDevelopment();
        if (!development && !options.AllowOutsideDevelopment)
        {
            throw new InvalidOperationException(
                $"MapVapiInspector is for the Development environment (this is '{environment.EnvironmentName}'): the inspector shows what callers said and what your server answered. "
                + "To map it anyway, set VapiInspectorOptions.AllowOutsideDevelopment and protect it: app.MapVapiInspector(\"/vapi/inspector\", o => o.AllowOutsideDevelopment = true).RequireAuthorization(\"your-policy\").");
        }

        var store = webhooks.AttachInspector(() => new InspectorStore(options, services.GetService<TimeProvider>() ?? TimeProvider.System));
        var group = endpoints.MapGroup(pattern);
        new InspectorEndpoints(store, webhooks, services).Map(group);
        if (!development)
        {
            RequireAuthorizationAtStartUp(endpoints, group, pattern, environment.EnvironmentName);
        }

        return group;
    }

    // Outside Development every inspector endpoint must require authorization. The check runs when the endpoints are
    // built, and, for a WebApplication, when its pipeline is built at start-up, so a misconfigured app does not start.
    private static void RequireAuthorizationAtStartUp(IEndpointRouteBuilder endpoints, RouteGroupBuilder group, string pattern, string environmentName)
    {
        ((IEndpointConventionBuilder)group).Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            var protectedByPolicy = metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy);
            var anonymous = metadata.Any(m => m is IAllowAnonymous);
            if (!protectedByPolicy || anonymous)
            {
                throw new InvalidOperationException(
                    $"MapVapiInspector(\"{pattern}\") is mapped in the '{environmentName}' environment without authorization: add .RequireAuthorization(...) to it (and app.UseAuthorization()), "
                    + "or map it only in Development.");
            }
        });

        if (endpoints is IApplicationBuilder app)
        {
            app.Use(next =>
            {
                // Building the endpoints applies the conventions above; nothing runs per request.
                foreach (var source in endpoints.DataSources)
                {
                    _ = source.Endpoints;
                }

                return next;
            });
        }
    }
}
