using System.Diagnostics;
using VapiWebhooks.AspNetCore;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>
/// One log line per webhook request: message type, call id, status and elapsed time. The type and call id come from
/// the message the endpoint parsed (<see cref="IVapiMessageFeature"/>), so the body is neither buffered nor read
/// twice; a request the endpoint refused before parsing (401, 413, 415, malformed JSON) has no message. Bodies and
/// headers are never logged.
/// </summary>
public sealed class WebhookRequestLogMiddleware(RequestDelegate next, ILogger<WebhookRequestLogMiddleware> logger)
{
    private const int MaxFieldLength = 64;

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            var message = context.Features.Get<IVapiMessageFeature>()?.Message;
            var level = status >= 500 ? LogLevel.Warning : LogLevel.Information;
            logger.Log(level, "Vapi {MessageType} call {CallId} -> {StatusCode} in {ElapsedMs:0.0} ms", Clip(message?.Type) ?? "(not read)", Clip(message?.CallId) ?? "-", status, elapsed);
        }
    }

    // Both come from the request: bound what reaches the log.
    private static string? Clip(string? value) => value is null ? null : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength] + "...";
}
