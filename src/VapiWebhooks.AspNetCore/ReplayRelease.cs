using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Makes HMAC replay protection consistent with retries: the replay key a request recorded is forgotten when that
/// request is not answered 2xx, so the sender may retry it with the same signature. Decided when the response starts
/// (the status is final then, and the key is gone before the sender can read the answer and retry), or, when no
/// response started (an exception escaped, the client went away), when the endpoint is done with the request.
/// A request answered 2xx keeps its key: the same signature again is a replay.
/// </summary>
internal sealed class ReplayRelease
{
    private readonly VapiRequestAuthenticator.Credential _credential;
    private readonly string _key;
    private readonly ILogger _logger;
    private int _decided;

    private ReplayRelease(VapiRequestAuthenticator.Credential credential, string key, ILogger logger)
    {
        _credential = credential;
        _key = key;
        _logger = logger;
    }

    public static ReplayRelease Register(HttpContext context, VapiRequestAuthenticator.Credential credential, string key, ILogger logger)
    {
        var release = new ReplayRelease(credential, key, logger);
        context.Response.OnStarting(static state =>
        {
            var (release, response) = ((ReplayRelease, HttpResponse))state;
            return release.DecideAsync(response.StatusCode).AsTask();
        }, (release, context.Response));
        return release;
    }

    /// <summary>Called when the endpoint is done: forgets the key when no response started (nothing was answered).</summary>
    public ValueTask EndAsync(HttpContext context)
        => context.Response.HasStarted ? ValueTask.CompletedTask : DecideAsync(statusCode: 0);

    private async ValueTask DecideAsync(int statusCode)
    {
        if (Interlocked.Exchange(ref _decided, 1) != 0 || statusCode is >= 200 and <= 299)
        {
            return;
        }

        try
        {
            // Not cancelled with the request: a client gone is exactly a sender that will retry.
            await _credential.ForgetReplayAsync(_key, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The answer must still go out: a store that cannot forget leaves the retry refused, as before.
            EndpointLog.ReplayKeyNotForgotten(_logger, ex, statusCode);
        }
    }
}
