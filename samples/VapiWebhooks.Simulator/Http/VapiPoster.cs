using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace VapiWebhooks.Simulator.Http;

/// <summary>Posts bodies to the server URL the way Vapi does (JSON, signed) and measures the reply against a deadline.</summary>
internal sealed class VapiPoster(HttpClient client, Uri url, RequestAuthentication authentication)
{
    private const int MaxReplyBytes = 32 * 1024 * 1024;

    public Uri Url => url;

    public async Task<Exchange> PostAsync(byte[] body, TimeSpan deadline, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in authentication.HeadersFor(body, url))
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(deadline);
        var clock = Stopwatch.StartNew();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var (bytes, firstByte) = await ReadBodyAsync(response, clock, timeout.Token);
            return new Exchange
            {
                Status = (int)response.StatusCode,
                ContentType = response.Content.Headers.ContentType?.MediaType,
                Body = bytes,
                Latency = clock.Elapsed,
                TimeToFirstByte = firstByte,
                Deadline = deadline,
            };
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new Exchange { Latency = clock.Elapsed, Deadline = deadline, DeadlineExceeded = true };
        }
        catch (IOException exception)
        {
            // The server reset the connection mid-body (an aborted response).
            return new Exchange { Latency = clock.Elapsed, Deadline = deadline, TransportError = exception.Message };
        }
        catch (HttpRequestException exception)
        {
            var refused = exception.InnerException is SocketException
                || exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError;
            return new Exchange
            {
                Latency = clock.Elapsed,
                Deadline = deadline,
                TransportError = exception.Message,
                ConnectionFailed = refused,
            };
        }
    }

    private static async Task<(byte[] Body, TimeSpan? FirstByte)> ReadBodyAsync(HttpResponseMessage response, Stopwatch clock, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        TimeSpan? firstByte = null;
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            firstByte ??= clock.Elapsed;
            if (buffer.Length + read > MaxReplyBytes)
            {
                throw new HttpRequestException($"The reply is larger than {MaxReplyBytes / (1024 * 1024)} MiB.");
            }

            buffer.Write(chunk, 0, read);
        }

        return (buffer.ToArray(), firstByte);
    }
}
