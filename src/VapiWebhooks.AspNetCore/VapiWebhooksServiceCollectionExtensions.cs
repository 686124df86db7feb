using Microsoft.Extensions.DependencyInjection;
using VapiWebhooks;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds VapiWebhooks to an ASP.NET Core application.</summary>
public static class VapiWebhooksAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything <c>app.MapVapiWebhooks()</c> needs. Options are bound from the configuration
    /// section <c>Vapi:Webhooks</c>, then <paramref name="configure"/> runs, and the result is validated at start-up.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Configures the options in code.</param>
    /// <returns>A builder for handlers (<c>AddHandler</c>) and tools (<c>AddTool</c>).</returns>
    public static VapiWebhooksBuilder AddVapiWebhooks(this IServiceCollection services, Action<VapiWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<VapiWebhookOptions>().BindConfiguration(VapiWebhookOptions.SectionName);
        var builder = services.AddVapiWebhooksCore(configure);
        services.AddSingleton<VapiWebhooks.AspNetCore.VapiWebhookEndpoint>();
        return builder;
    }
}
