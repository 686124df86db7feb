using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using VapiWebhooks.AspNetCore.Inspector;
using VapiWebhooks.Handlers;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Streams PCM to Vapi: the response starts with the first write (200, <c>application/octet-stream</c>,
/// chunked), and every write is flushed so the audio leaves at once. Only whole 16-bit samples are sent: an
/// odd byte waits for the next write (a lone half sample does not start the response), and one left over at the
/// end is a handler bug. Once the client is gone every write throws <see cref="OperationCanceledException"/>, so
/// a handler that ignores its token still stops.
/// </summary>
internal sealed class HttpVoiceResponseWriter : VoiceResponseWriter
{
    private readonly HttpResponse _response;
    private readonly ExchangeCapture? _capture;
    private byte? _pendingByte;
    private long _bytesWritten;

    public HttpVoiceResponseWriter(HttpContext context, int sampleRate, ExchangeCapture? capture = null)
    {
        _response = context.Response;
        _capture = capture;
        SampleRate = sampleRate;
    }

    public override int SampleRate { get; }

    public override long BytesWritten => _bytesWritten;

    public bool HasStarted => _response.HasStarted;

    public bool HasHalfSample => _pendingByte is not null;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        // Once Vapi has hung up, the server silently discards writes: a handler that does not watch its token
        // would synthesise into the void until it finished. Stop it at its next write instead.
        var aborted = _response.HttpContext.RequestAborted;
        aborted.ThrowIfCancellationRequested();
        cancellationToken.ThrowIfCancellationRequested();
        if (pcm.IsEmpty)
        {
            return;
        }

        _bytesWritten += pcm.Length;
        _capture?.Audio(pcm.Span, SampleRate);
        var data = pcm.Span;
        var total = data.Length + (_pendingByte is null ? 0 : 1);
        var whole = total & ~1;
        if (whole == 0)
        {
            // Half a sample and nothing else: keep it without starting the response, so a handler that ends here
            // still gets a 500 rather than a started stream that must be aborted.
            _pendingByte = data[0];
            return;
        }

        if (!_response.HasStarted)
        {
            _response.StatusCode = StatusCodes.Status200OK;
            _response.ContentType = "application/octet-stream";
            _response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }

        var writer = _response.BodyWriter;
        var span = writer.GetSpan(whole);
        var offset = 0;
        if (_pendingByte is { } pending)
        {
            span[0] = pending;
            offset = 1;
        }

        data[..(whole - offset)].CopyTo(span[offset..]);
        writer.Advance(whole);
        _pendingByte = (total & 1) == 1 ? data[^1] : null;

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        aborted.ThrowIfCancellationRequested();
    }
}
