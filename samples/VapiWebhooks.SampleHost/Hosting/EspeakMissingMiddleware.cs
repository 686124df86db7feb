using VapiWebhooks.SampleHost.Voice;

namespace VapiWebhooks.SampleHost.Hosting;

/// <summary>
/// Used on the voice endpoint only when espeak-ng is missing. The library still authenticates the request and runs
/// the handler; when that fails (500), the generic problem is replaced by one that says how to install espeak-ng.
/// The response is buffered, which is fine because no audio can be produced anyway.
/// </summary>
public sealed class EspeakMissingMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var original = context.Response.Body;
        await using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode == StatusCodes.Status500InternalServerError)
        {
            context.Response.ContentLength = null;
            await Results.Problem(
                title: "espeak-ng is not installed",
                detail: EspeakVoice.InstallHint,
                statusCode: StatusCodes.Status500InternalServerError,
                extensions: new Dictionary<string, object?> { ["reason"] = "espeak-ng-missing" }).ExecuteAsync(context);
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }
}
