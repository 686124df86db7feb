using VapiWebhooks.SampleHost.Handlers;
using VapiWebhooks.SampleHost.Voice;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>
/// Everything the sample needs that is not Vapi: the clinic's services, logging, the default port, the reverse
/// proxy (ngrok) and the espeak-ng install hint. Kept out of Program.cs so that it shows only the Vapi part.
/// </summary>
public static class SampleHostingExtensions
{
    /// <summary>The address used when none is configured (ASPNETCORE_URLS, --urls, "Urls" or Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://localhost:5088";

    /// <summary>Registers the clinic and the host's plumbing.</summary>
    public static WebApplicationBuilder AddSampleHosting(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]) && string.IsNullOrEmpty(configuration["http_ports"])
            && !configuration.GetSection("Kestrel:Endpoints").GetChildren().Any())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddSampleLogging();
        builder.Services.AddLoopbackProxyHeaders();
        builder.Services.AddClinic();
        return builder;
    }

    /// <summary>The middleware in front of the webhooks, and the start-up banner.</summary>
    public static WebApplication UseSampleHosting(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseWebhookRequestLogging();
        if (!app.Services.GetRequiredService<EspeakVoice>().IsAvailable)
        {
            app.UseWhen(
                context => context.Request.Path.Equals(ReceptionistAssistantHandler.VoicePath, StringComparison.OrdinalIgnoreCase),
                branch => branch.UseMiddleware<EspeakMissingMiddleware>());
        }

        app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app));
        return app;
    }

    /// <summary>A home page that says where to post, and the health checks (the inbox's among them).</summary>
    public static WebApplication MapSampleHome(this WebApplication app, string webhookPath)
    {
        ArgumentNullException.ThrowIfNull(app);
        var home = $"VapiWebhooks sample host: POST Vapi server messages to {webhookPath}.\n";
        app.MapGet("/", () => Results.Text(home));
        app.MapHealthChecks("/healthz"); // Healthy, or Degraded when the inbox's oldest pending message is too old
        return app;
    }
}
