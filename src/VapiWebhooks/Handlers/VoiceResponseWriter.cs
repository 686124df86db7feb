namespace VapiWebhooks.Handlers;

/// <summary>
/// Where an <see cref="IVoiceRequestHandler"/> writes its PCM. The host sends each write to Vapi at once;
/// an odd number of bytes overall (half a sample) is a bug the host reports instead of sending.
/// </summary>
public abstract class VoiceResponseWriter
{
    /// <summary>The sample rate Vapi asked for; the audio must have exactly this rate.</summary>
    public abstract int SampleRate { get; }

    /// <summary>How many bytes have been written so far.</summary>
    public abstract long BytesWritten { get; }

    /// <summary>Writes PCM (mono, 16-bit signed little-endian) and sends it to Vapi.</summary>
    /// <param name="pcm">The samples as bytes; a chunk may end mid-sample if the next one completes it.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the chunk is on its way.</returns>
    public abstract ValueTask WriteAsync(ReadOnlyMemory<byte> pcm, CancellationToken cancellationToken = default);
}
