using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiWebhooks.CallControl.AsyncTools;
using VapiWebhooks.CallControl.Calls;
using VapiWebhooks.CallControl.Http;
using VapiWebhooks.Handlers;
using VapiWebhooks.Messages;
using VapiWebhooks.Tools;

namespace VapiWebhooks.CallControl;

/// <summary>Registers the call-control client and the async-tool runner.</summary>
public static class VapiCallControlServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IVapiCallControlFactory"/> (a named, resilient <c>HttpClient</c>), remembers ended calls from
    /// their <c>end-of-call-report</c>, and runs tools marked <c>async: true</c> in the background with their results
    /// posted to the call. Options bind from <c>Vapi:CallControl</c> when the host binds configuration; safe to call twice.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Changes the options after configuration.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddVapiCallControl(this IServiceCollection services, Action<VapiCallControlOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registered = services.Any(static d => d.ServiceType == typeof(CallRegistry));
        if (!registered)
        {
            // Configuration first, so that the code's changes below (and in later calls) win. IConfiguration is
            // optional: a host without configuration (a plain ServiceCollection) gets the defaults.
            services.AddSingleton<IConfigureOptions<VapiCallControlOptions>>(static sp => new ConfigureOptions<VapiCallControlOptions>(
                options => sp.GetService<IConfiguration>()?.GetSection(VapiCallControlOptions.SectionName).Bind(options)));
        }

        var builder = services.AddOptions<VapiCallControlOptions>();
        if (configure is not null)
        {
            builder.Configure(configure);
        }

        if (registered)
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallRegistry>();
        services.AddSingleton<IVapiCallControlFactory, VapiCallControlFactory>();
        services.AddSingleton<AsyncToolRunner>();
        services.AddSingleton<IVapiAsyncToolRunner>(static sp => sp.GetRequiredService<AsyncToolRunner>());
        services.AddSingleton<IHostedService>(static sp => sp.GetRequiredService<AsyncToolRunner>());
        services.AddSingleton<IServerMessageHandler<EndOfCallReportMessage>, EndedCallObserver>();
        CallControlHttp.Register(services);
        return services;
    }

    /// <summary>Adds call control; see <see cref="AddVapiCallControl(IServiceCollection, Action{VapiCallControlOptions}?)"/>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="configure">Changes the options after configuration.</param>
    /// <returns>The builder.</returns>
    public static VapiWebhooksBuilder AddCallControl(this VapiWebhooksBuilder builder, Action<VapiCallControlOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddVapiCallControl(configure);
        return builder;
    }
}
