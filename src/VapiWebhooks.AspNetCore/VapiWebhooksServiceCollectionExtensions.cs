using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VapiWebhooks;
using VapiWebhooks.AspNetCore;
using VapiWebhooks.Security;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds VapiWebhooks to an ASP.NET Core application.</summary>
public static class VapiWebhooksAspNetCoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything <c>app.MapVapiWebhooks()</c> needs. Options are bound from the configuration
    /// section <c>Vapi:Webhooks</c>, then <paramref name="configure"/> runs, and the result is validated at start-up.
    /// The credential Vapi authenticates with is bound from <c>Vapi:Webhooks:Authentication</c> (or configured
    /// with <c>AddCredential</c>); start-up fails when none is configured.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Configures the options in code.</param>
    /// <returns>A builder for handlers (<c>AddHandler</c>) and tools (<c>AddTool</c>).</returns>
    public static VapiWebhooksBuilder AddVapiWebhooks(this IServiceCollection services, Action<VapiWebhookOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<VapiWebhookOptions>().BindConfiguration(VapiWebhookOptions.SectionName);
        var builder = services.AddVapiWebhooksCore(configure);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<VapiAuthenticationOptions>, VapiCredentialOptionsSetup>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VapiAuthenticationOptions>, VapiCredentialValidator>());
        // Each credential is validated when MapVapiWebhooks maps an endpoint that uses it, so an app that maps
        // only named credentials does not need a default one.
        services.TryAddSingleton<IVapiReplayStore>(sp => new InMemoryVapiReplayStore(sp.GetService<TimeProvider>()));
        services.TryAddSingleton<VapiRequestAuthenticator>();
        services.TryAddSingleton<RefusalReporter>();
        services.TryAddScoped<RequestDecryptor>();
        services.TryAddScoped(static sp => sp.GetRequiredService<RequestDecryptor>().Decryptor ?? sp.GetRequiredService<VapiRequestAuthenticator>().AnyCredentialDecryptor());
        services.TryAddSingleton<VapiWebhookEndpoint>();
        return builder;
    }
}
