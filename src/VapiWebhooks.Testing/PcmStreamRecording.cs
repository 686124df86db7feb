using System.Diagnostics;

namespace VapiWebhooks.Testing;

/// <summary>One read of a streamed PCM reply: which bytes arrived, and when.</summary>
/// <param name="Offset">The position of the first byte of the read in the body.</param>
/// <param name="Length">How many bytes the read returned.</param>
/// <param name="Elapsed">When the read returned, measured from the recording's start.</param>
/// <remarks>A read is what the client got from the network at once: TCP may merge or split the server's chunks,
/// so use <see cref="PcmStreamRecording.TimeUntil"/> to ask when a given byte had arrived.</remarks>
public readonly record struct PcmChunkArrival(long Offset, int Length, TimeSpan Elapsed);

/// <summary>
/// A streamed <c>voice-request</c> reply as the client saw it: the bytes, when each read returned, whether the
/// body ended cleanly, and the time to first byte. Made by <see cref="PcmStreamRecordingExtensions.RecordPcmStreamAsync"/>.
/// </summary>
public sealed class PcmStreamRecording
{
    private readonly List<PcmChunkArrival> _arrivals;

    internal PcmStreamRecording(int statusCode, string? mediaType, bool hasContentLength, bool isChunked, byte[] body, List<PcmChunkArrival> arrivals, bool completed, Exception? error, TimeSpan duration)
    {
        StatusCode = statusCode;
        MediaType = mediaType;
        HasContentLength = hasContentLength;
        IsChunked = isChunked;
        Body = body;
        _arrivals = arrivals;
        Completed = completed;
        Error = error;
        Duration = duration;
    }

    /// <summary>The HTTP status code.</summary>
    public int StatusCode { get; }

    /// <summary>The media type of the reply, <c>application/octet-stream</c> for PCM.</summary>
    public string? MediaType { get; }

    /// <summary>Whether the reply declared a <c>Content-Length</c> (a streamed reply is chunked and does not).</summary>
    public bool HasContentLength { get; }

    /// <summary>Whether the reply said <c>Transfer-Encoding: chunked</c> (HTTP/1.1 over a real socket; in-memory test servers do not say).</summary>
    public bool IsChunked { get; }

    /// <summary>Every byte received, including those before an error.</summary>
    public byte[] Body { get; }

    /// <summary>Each read, in order.</summary>
    public IReadOnlyList<PcmChunkArrival> Arrivals => _arrivals;

    /// <summary>True when the body ended cleanly; false when the read failed (for example, the server aborted the stream).</summary>
    public bool Completed { get; }

    /// <summary>The exception that ended the read, when <see cref="Completed"/> is false.</summary>
    public Exception? Error { get; }

    /// <summary>From the recording's start to the end (or failure) of the body.</summary>
    public TimeSpan Duration { get; }

    /// <summary>When the first byte arrived, from the recording's start; null when the body was empty.</summary>
    public TimeSpan? TimeToFirstByte => _arrivals.Count == 0 ? null : _arrivals[0].Elapsed;

    /// <summary>When the body had reached at least <paramref name="byteCount"/> bytes, from the recording's start; null if it never did.</summary>
    /// <param name="byteCount">A byte count, for example <c>(k + 1) × 960</c> for the end of the k-th 20 ms chunk at 24 kHz.</param>
    /// <returns>The arrival time of the read that completed that many bytes.</returns>
    public TimeSpan? TimeUntil(long byteCount)
    {
        if (byteCount <= 0)
        {
            return TimeSpan.Zero;
        }

        // Arrivals are in offset order: binary search the first read whose end reaches byteCount.
        int lo = 0, hi = _arrivals.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var arrival = _arrivals[mid];
            if (arrival.Offset + arrival.Length >= byteCount)
            {
                found = mid;
                hi = mid - 1;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return found < 0 ? null : _arrivals[found].Elapsed;
    }
}

/// <summary>Reads a streamed PCM reply while recording when each part arrives, for latency and streaming tests.</summary>
public static class PcmStreamRecordingExtensions
{
    /// <summary>
    /// Reads the whole body of <paramref name="response"/> (sent with <see cref="HttpCompletionOption.ResponseHeadersRead"/>,
    /// as <c>PostVapiMessageAsync</c> does), recording each read's arrival time.
    /// A failed read (an aborted stream) ends the recording instead of throwing; see <see cref="PcmStreamRecording.Completed"/>.
    /// </summary>
    /// <param name="response">The response, whose body has not been read yet.</param>
    /// <param name="startTimestamp">The <see cref="Stopwatch.GetTimestamp"/> times are measured from, for example taken just
    /// before sending the request; null to start now.</param>
    /// <param name="bufferSize">The read buffer size, in bytes.</param>
    /// <param name="cancellationToken">Cancels the read; a cancellation is thrown, not recorded.</param>
    /// <returns>The recording.</returns>
    public static async Task<PcmStreamRecording> RecordPcmStreamAsync(this HttpResponseMessage response, long? startTimestamp = null, int bufferSize = 16 * 1024, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 1);
        var start = startTimestamp ?? Stopwatch.GetTimestamp();
        var arrivals = new List<PcmChunkArrival>();
        using var body = new MemoryStream();
        var buffer = new byte[bufferSize];
        Exception? error = null;
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            try
            {
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    arrivals.Add(new PcmChunkArrival(body.Length, read, Stopwatch.GetElapsedTime(start)));
                    body.Write(buffer, 0, read);
                }
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                error = ex;
            }
        }

        return new PcmStreamRecording(
            (int)response.StatusCode,
            response.Content.Headers.ContentType?.MediaType,
            response.Content.Headers.ContentLength is not null,
            response.Headers.TransferEncodingChunked == true,
            body.ToArray(),
            arrivals,
            error is null,
            error,
            Stopwatch.GetElapsedTime(start));
    }
}
