using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;

namespace VapiWebhooks.AspNetCore.Inspector;

/// <summary>
/// The page, its style sheet and its script, embedded in this assembly (nothing is loaded from the internet: no
/// CDN, no web fonts). Read once, served from memory.
/// </summary>
internal static class InspectorAssets
{
    private static readonly FrozenDictionary<string, (string ContentType, byte[] Content)> Files = new Dictionary<string, (string, byte[])>
    {
        ["inspector.css"] = ("text/css; charset=utf-8", Read("inspector.css")),
        ["inspector.js"] = ("text/javascript; charset=utf-8", Read("inspector.js")),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly string Page = System.Text.Encoding.UTF8.GetString(Read("inspector.html"));

    public static async Task WritePageAsync(HttpContext context, string basePath)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        SetHeaders(response);
        var html = Page.Replace("{{BASE}}", System.Net.WebUtility.HtmlEncode(basePath), StringComparison.Ordinal);
        await response.WriteAsync(html, context.RequestAborted).ConfigureAwait(false);
    }

    public static async Task WriteAssetAsync(HttpContext context, string name)
    {
        if (!Files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        context.Response.ContentType = file.ContentType;
        SetHeaders(context.Response);
        await context.Response.Body.WriteAsync(file.Content, context.RequestAborted).ConfigureAwait(false);
    }

    // The page runs only its own script and style, and talks only to this server.
    private static void SetHeaders(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; media-src 'self' blob:; connect-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(InspectorAssets).Assembly.GetManifestResourceStream("VapiWebhooks.Inspector." + name)
            ?? throw new InvalidOperationException($"The inspector's embedded file '{name}' is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
