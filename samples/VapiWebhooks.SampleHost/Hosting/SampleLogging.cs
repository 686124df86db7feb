using System.Globalization;
using Serilog;
using Serilog.Events;
using VapiWebhooks.AspNetCore;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>
/// Serilog, configured in code: the console sink is named here, not loaded by name from configuration (which
/// needs reflection and breaks a Native AOT build). Only the levels come from configuration
/// (<c>Serilog:MinimumLevel:Default</c> and <c>Serilog:MinimumLevel:Override:*</c>). Sinks and enrichers
/// registered in DI (<c>ILogEventSink</c>, <c>ILogEventEnricher</c>) are added too.
/// </summary>
public static class SampleLogging
{
    /// <summary>One line per request; the Vapi message type and call id come from the message the endpoint read.</summary>
    public const string RequestTemplate = "{RequestMethod} {RequestPath} {MessageType} call {CallId} -> {StatusCode} in {Elapsed:0.0} ms";

    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    // Both come from the request: bound what reaches the log.
    private const int MaxFieldLength = 64;

    public static WebApplicationBuilder AddSampleLogging(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Host.UseSerilog(
            (context, services, logger) =>
            {
                ApplyLevels(logger, context.Configuration.GetSection("Serilog:MinimumLevel"));
                logger.ReadFrom.Services(services)
                    .Enrich.FromLogContext()
                    .WriteTo.Console(outputTemplate: ConsoleTemplate, formatProvider: CultureInfo.InvariantCulture);
            },
            preserveStaticLogger: true);
        return builder;
    }

    /// <summary>
    /// Serilog's request logging, enriched from <see cref="IVapiMessageFeature"/>: the body is neither buffered nor
    /// read twice, and a request refused before it was read (401, 413, 415, malformed JSON) logs "(not read)".
    /// Bodies and headers are never logged.
    /// </summary>
    public static WebApplication UseWebhookRequestLogging(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.MessageTemplate = RequestTemplate;
            options.GetLevel = (context, _, exception) => exception is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Warning : LogEventLevel.Information;
            options.EnrichDiagnosticContext = (diagnostics, context) =>
            {
                var message = context.Features.Get<IVapiMessageFeature>()?.Message;
                diagnostics.Set("MessageType", Clip(message?.Type) ?? (HttpMethods.IsPost(context.Request.Method) ? "(not read)" : "-"));
                diagnostics.Set("CallId", Clip(message?.CallId) ?? "-");
            };
        });
        return app;
    }

    private static void ApplyLevels(LoggerConfiguration logger, IConfigurationSection levels)
    {
        logger.MinimumLevel.Is(Parse(levels["Default"]) ?? LogEventLevel.Information);
        foreach (var entry in levels.GetSection("Override").GetChildren())
        {
            if (Parse(entry.Value) is { } level)
            {
                logger.MinimumLevel.Override(entry.Key, level);
            }
        }
    }

    private static LogEventLevel? Parse(string? text) => Enum.TryParse<LogEventLevel>(text, ignoreCase: true, out var level) ? level : null;

    private static string? Clip(string? value) => value is null ? null : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength] + "...";
}
