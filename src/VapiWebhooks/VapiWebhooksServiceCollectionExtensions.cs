using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VapiWebhooks.Dispatch;

namespace VapiWebhooks;

/// <summary>Registers the host-agnostic VapiWebhooks services (for queue consumers, Azure Functions...).</summary>
public static class VapiWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the dispatcher, options (validated at start-up) and the clock. ASP.NET Core apps call
    /// <c>AddVapiWebhooks</c> from VapiWebhooks.AspNetCore instead, which calls this.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Configures the options in code, after configuration binding.</param>
    /// <returns>A builder for handlers and tools.</returns>
    public static VapiWebhooksBuilder AddVapiWebhooksCore(this IServiceCollection services, Action<VapiWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<VapiWebhookOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VapiWebhookOptions>, VapiWebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<VapiMessageDispatcher>();
        return new VapiWebhooksBuilder(services);
    }
}
