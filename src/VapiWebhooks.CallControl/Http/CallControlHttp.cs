using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Telemetry;
using Polly.Timeout;

namespace VapiWebhooks.CallControl.Http;

/// <summary>The named <c>HttpClient</c> commands go through, and its resilience pipeline.</summary>
internal static class CallControlHttp
{
    public const string ClientName = "VapiWebhooks.CallControl";

    public static void Register(IServiceCollection services)
    {
        services.AddHttpClient(ClientName, client =>
            {
                // The pipeline's total timeout governs; HttpClient's own 100 s must not cut it short.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            // A control URL is a capability (whoever has it can act on the call, unless controlAuthenticationEnabled):
            // IHttpClientFactory's default request logging would write it at Information. The client logs each
            // command itself: type, call id, status, latency.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler
            {
                // A control URL must not redirect the command elsewhere (the allow-list was checked on the URL itself).
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddResilienceHandler("vapi-call-control", static (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<VapiCallControlOptions>>().CurrentValue;

                // Polly logs every attempt at Information; a command that went through once is already logged by the
                // client, so ordinary attempts drop to Debug. Retries (handled attempts) keep their Warning.
                pipeline.ConfigureTelemetry(new TelemetryOptions
                {
                    LoggerFactory = context.ServiceProvider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
                    SeverityProvider = static args => args.Event.EventName == "ExecutionAttempt" && args.Event.Severity == ResilienceEventSeverity.Information
                        ? ResilienceEventSeverity.Debug
                        : args.Event.Severity,
                });
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetryAttempts > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetryAttempts,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                        Delay = options.RetryDelay,
                        ShouldHandle = static args => ValueTask.FromResult(IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddTimeout(options.AttemptTimeout);
            });
    }

    /// <summary>5xx, a network error or an attempt timeout. Never a 4xx: Vapi has refused the command (usually: the call is over).</summary>
    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        { Result: { } response } => (int)response.StatusCode >= 500,
        _ => false,
    };
}
