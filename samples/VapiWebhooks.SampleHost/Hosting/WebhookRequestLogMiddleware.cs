using System.Diagnostics;
using System.Text.Json;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>
/// One log line per webhook request: message type, call id, status and elapsed time. The body is buffered so that
/// the type and call id can be read after the library has answered, and only when the request was authenticated
/// (unauthenticated bodies are never parsed). Bodies and headers are never logged.
/// </summary>
public sealed class WebhookRequestLogMiddleware(RequestDelegate next, ILogger<WebhookRequestLogMiddleware> logger)
{
    private const int MaxPeekBytes = 4 * 1024 * 1024;
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
        context.Request.EnableBuffering(bufferThreshold: 256 * 1024, bufferLimit: MaxPeekBytes);
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = context.Response.StatusCode;
            var (type, callId) = status is StatusCodes.Status401Unauthorized or StatusCodes.Status413PayloadTooLarge or StatusCodes.Status415UnsupportedMediaType
                ? ("(not read)", null)
                : await PeekAsync(context.Request);
            var level = status >= 500 ? LogLevel.Warning : LogLevel.Information;
            logger.Log(level, "Vapi {MessageType} call {CallId} -> {StatusCode} in {ElapsedMs:0.0} ms", type, callId ?? "-", status, elapsed);
        }
    }

    private static async Task<(string Type, string? CallId)> PeekAsync(HttpRequest request)
    {
        try
        {
            if (!request.Body.CanSeek || request.Body.Length > MaxPeekBytes)
            {
                return ("(unknown)", null);
            }

            request.Body.Position = 0;
            using var document = await JsonDocument.ParseAsync(request.Body);
            if (!document.RootElement.TryGetProperty("message", out var message) || message.ValueKind != JsonValueKind.Object)
            {
                message = document.RootElement;
            }

            var type = message.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var callId = message.TryGetProperty("call", out var call) && call.ValueKind == JsonValueKind.Object
                && call.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            return (Clip(type) ?? "(no type)", Clip(callId));
        }
        catch (Exception ex) when (ex is JsonException or IOException or ObjectDisposedException or NotSupportedException)
        {
            return ("(unreadable)", null);
        }
    }

    private static string? Clip(string? value) => value is null ? null : value.Length <= MaxFieldLength ? value : value[..MaxFieldLength] + "...";
}
