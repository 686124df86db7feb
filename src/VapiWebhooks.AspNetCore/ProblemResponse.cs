using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using VapiWebhooks.AspNetCore.Inspector;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Writes an RFC 9457 <c>application/problem+json</c> body. Written here rather than through ASP.NET Core's
/// problem writer because that one uses relaxed escaping, and a detail may quote a character of the request:
/// the default encoder escapes HTML-significant characters (<c>&lt;</c> becomes <c>\u003C</c>).
/// </summary>
internal static class ProblemResponse
{
    public static async Task WriteAsync(HttpContext context, int statusCode, string reason, string title, string detail)
    {
        var response = context.Response;
        response.StatusCode = statusCode;
        response.ContentType = "application/problem+json; charset=utf-8";
        var capture = context.Features.Get<ExchangeCapture>();
        var buffer = capture is null ? null : new ArrayBufferWriter<byte>();
        var writer = response.BodyWriter;
        using (var json = new Utf8JsonWriter(buffer is null ? writer : buffer))
        {
            json.WriteStartObject();
            json.WriteString("type", TypeFor(statusCode));
            json.WriteString("title", title);
            json.WriteNumber("status", statusCode);
            json.WriteString("detail", detail);
            json.WriteString("reason", reason);
            json.WriteString("traceId", Activity.Current?.Id ?? context.TraceIdentifier);
            json.WriteEndObject();
        }

        if (buffer is not null)
        {
            // Inspected (the inspector is mapped): it keeps the problem body as sent.
            capture!.ReplyBody(buffer.WrittenSpan);
            writer.Write(buffer.WrittenSpan);
        }

        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    // The same references ASP.NET Core's ProblemDetails defaults use.
    private static string TypeFor(int statusCode) => statusCode switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        501 => "https://tools.ietf.org/html/rfc9110#section-15.6.2",
        _ => "https://tools.ietf.org/html/rfc9110#section-15.6.1",
    };
}
