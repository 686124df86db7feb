using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using VapiWebhooks.Handlers;

namespace VapiWebhooks.AspNetCore;

/// <summary>
/// Streams PCM to Vapi: the response starts with the first write (200, <c>application/octet-stream</c>,
/// chunked), and every write is flushed so the audio leaves at once. Only whole 16-bit samples are sent: an
/// odd byte waits for the next write, and one left over at the end is a handler bug.
/// </summary>
internal sealed class HttpVoiceResponseWriter : VoiceResponseWriter
{
    private readonly HttpResponse _response;
    private byte? _pendingByte;
    private long _bytesWritten;

    public HttpVoiceResponseWriter(HttpContext context, int sampleRate)
    {
        _response = context.Response;
        SampleRate = sampleRate;
    }

    public override int SampleRate { get; }

    public override long BytesWritten => _bytesWritten;

    public bool HasStarted => _response.HasStarted;

    public bool HasHalfSample => _pendingByte is not null;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default)
    {
        if (pcm.IsEmpty)
        {
            return;
        }

        if (!_response.HasStarted)
        {
            _response.StatusCode = StatusCodes.Status200OK;
            _response.ContentType = "application/octet-stream";
            _response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        }

        _bytesWritten += pcm.Length;
        var writer = _response.BodyWriter;
        var data = pcm.Span;
        var total = data.Length + (_pendingByte is null ? 0 : 1);
        var whole = total & ~1;
        if (whole > 0)
        {
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
        }
        else
        {
            _pendingByte = data[0];
        }

        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
