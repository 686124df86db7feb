using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VapiWebhooks;
using VapiWebhooks.Inbox;
using VapiWebhooks.Inbox.Diagnostics;
using VapiWebhooks.Inbox.Operations;
using VapiWebhooks.Inbox.Processing;
using VapiWebhooks.Inbox.Storage;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the durable inbox to VapiWebhooks; the store packages call <see cref="AddInbox"/> for you.</summary>
public static class VapiInboxServiceCollectionExtensions
{
    /// <summary>
    /// Stores every notification in <paramref name="store"/> before acknowledging it, and handles it in background
    /// workers. Options are bound from <c>Vapi:Webhooks:Inbox</c>, then <paramref name="configure"/> runs, and the
    /// result is validated at start-up. Use <c>AddSqliteInbox</c> or <c>AddPostgreSqlInbox</c> rather than this directly.
    /// </summary>
    /// <param name="builder">The VapiWebhooks builder.</param>
    /// <param name="store">Creates the store (a singleton).</param>
    /// <param name="configure">Configures the options in code.</param>
    /// <returns>The builder.</returns>
    public static VapiWebhooksBuilder AddInbox(this VapiWebhooksBuilder builder, Func<IServiceProvider, IVapiInboxStore> store, Action<VapiInboxOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(store);
        var services = builder.Services;
        var options = services.AddOptions<VapiInboxOptions>().BindConfiguration(VapiInboxOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VapiInboxOptions>, VapiInboxOptionsValidator>());
        services.Replace(ServiceDescriptor.Singleton(store));
        services.TryAddSingleton<InboxReadiness>();
        services.TryAddSingleton<InboxSignal>();
        services.TryAddSingleton<InboxWriter>();
        services.TryAddSingleton<VapiInboxMetrics>();
        services.TryAddSingleton<IVapiInboxAcknowledger, InboxAcknowledger>();
        services.TryAddSingleton<IVapiInbox, VapiInbox>();
        // What the ASP.NET Core package's inspector page shows of the inbox (the interface is in the core package).
        services.TryAddSingleton<IVapiInboxInspection, InboxInspection>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, InboxWorker>());
        return builder;
    }

    /// <summary>
    /// Adds a health check named <c>vapi-inbox</c>: Degraded when the oldest pending message is older than
    /// <see cref="VapiInboxOptions.DegradedAfter"/>, Unhealthy when the store cannot be read.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddVapiInbox(this IHealthChecksBuilder builder, string name = "vapi-inbox", IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddCheck<VapiInboxHealthCheck>(name, failureStatus: HealthStatus.Unhealthy, tags: tags ?? []);
    }
}
