using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using VapiWebhooks.Handlers;

namespace VapiWebhooks.Audio;

/// <summary>
/// Ways for an <see cref="IVoiceRequestHandler"/> to produce audio without handling bytes itself: 16-bit samples,
/// or any WAV or raw PCM source (a TTS engine's output stream, a file, a pipe) converted on the fly to what
/// Vapi asked for, 16-bit signed little-endian mono at <see cref="VoiceResponseWriter.SampleRate"/>.
/// </summary>
/// <remarks>
/// The stream adapters read the source as it arrives, convert with <see cref="PcmStreamConverter"/> and write each
/// converted chunk (at most <c>chunkDuration</c> of audio, 20 ms by default) at once, so the caller hears the start
/// while the rest is still being synthesised. A slow source yields smaller chunks rather than waiting to fill one.
/// Buffers come from <see cref="ArrayPool{T}"/> and go back when the call ends; the writer must have taken its own
/// copy of each chunk by the time its <see cref="VoiceResponseWriter.WriteAsync"/> completes (the HTTP writer does).
/// </remarks>
public static class VoiceResponseWriterExtensions
{
    private const int SampleBlock = 4096;

    private static readonly TimeSpan DefaultChunkDuration = TimeSpan.FromMilliseconds(20);

    /// <summary>Writes 16-bit samples (mono, already at <see cref="VoiceResponseWriter.SampleRate"/>) as little-endian bytes.</summary>
    /// <param name="writer">The voice writer.</param>
    /// <param name="samples">The samples.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the samples are on their way.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is null.</exception>
    public static async ValueTask WriteSamplesAsync(this VoiceResponseWriter writer, ReadOnlyMemory<short> samples, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (samples.IsEmpty)
        {
            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(samples.Length, SampleBlock) * 2);
        try
        {
            while (!samples.IsEmpty)
            {
                var block = samples[..Math.Min(samples.Length, SampleBlock)];
                var count = EncodeLittleEndian(block.Span, buffer);
                await writer.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                samples = samples[block.Length..];
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Streams a WAV source to Vapi, converted to 16-bit mono at <see cref="VoiceResponseWriter.SampleRate"/>, in 20 ms chunks as it arrives.</summary>
    /// <param name="writer">The voice writer.</param>
    /// <param name="wav">A readable WAV stream (see <see cref="WavReader"/> for the formats); it need not be seekable and is not disposed.</param>
    /// <param name="cancellationToken">Stops the copy; pass the handler's token, which fires when the caller interrupts.</param>
    /// <returns>The number of bytes written to <paramref name="writer"/>; always even.</returns>
    /// <exception cref="InvalidDataException">The WAV header is malformed or its format unsupported (nothing was written).</exception>
    public static ValueTask<long> WriteWavAsync(this VoiceResponseWriter writer, Stream wav, CancellationToken cancellationToken = default)
        => WriteWavAsync(writer, wav, DefaultChunkDuration, cancellationToken);

    /// <summary>Streams a WAV source to Vapi, converted to 16-bit mono at <see cref="VoiceResponseWriter.SampleRate"/>, in chunks of at most <paramref name="chunkDuration"/>.</summary>
    /// <param name="writer">The voice writer.</param>
    /// <param name="wav">A readable WAV stream (see <see cref="WavReader"/> for the formats); it need not be seekable and is not disposed.</param>
    /// <param name="chunkDuration">Source audio per chunk, from 1 ms to 10 s; 20 ms is typical.</param>
    /// <param name="cancellationToken">Stops the copy; pass the handler's token, which fires when the caller interrupts.</param>
    /// <returns>The number of bytes written to <paramref name="writer"/>; always even.</returns>
    /// <exception cref="InvalidDataException">The WAV header is malformed or its format unsupported (nothing was written).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkDuration"/> is outside 1 ms to 10 s.</exception>
    public static async ValueTask<long> WriteWavAsync(this VoiceResponseWriter writer, Stream wav, TimeSpan chunkDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(wav);
        CheckChunkDuration(chunkDuration);
        var reader = await WavReader.OpenAsync(wav, cancellationToken).ConfigureAwait(false);
        return await CopyAsync(writer, reader.Format, chunkDuration, reader.ReadAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Streams headerless PCM in <paramref name="format"/> to Vapi, converted to 16-bit mono at <see cref="VoiceResponseWriter.SampleRate"/>, in 20 ms chunks as it arrives.</summary>
    /// <param name="writer">The voice writer.</param>
    /// <param name="pcm">A readable stream of raw PCM; reads may end mid-frame. It is not disposed.</param>
    /// <param name="format">The layout of <paramref name="pcm"/>, for example <c>PcmFormat.Int16Mono(22050)</c>.</param>
    /// <param name="cancellationToken">Stops the copy; pass the handler's token, which fires when the caller interrupts.</param>
    /// <returns>The number of bytes written to <paramref name="writer"/>; always even. A partial frame at the very end is dropped.</returns>
    public static ValueTask<long> WritePcmAsync(this VoiceResponseWriter writer, Stream pcm, PcmFormat format, CancellationToken cancellationToken = default)
        => WritePcmAsync(writer, pcm, format, DefaultChunkDuration, cancellationToken);

    /// <summary>Streams headerless PCM in <paramref name="format"/> to Vapi, converted to 16-bit mono at <see cref="VoiceResponseWriter.SampleRate"/>, in chunks of at most <paramref name="chunkDuration"/>.</summary>
    /// <param name="writer">The voice writer.</param>
    /// <param name="pcm">A readable stream of raw PCM; reads may end mid-frame. It is not disposed.</param>
    /// <param name="format">The layout of <paramref name="pcm"/>, for example <c>PcmFormat.Int16Mono(22050)</c>.</param>
    /// <param name="chunkDuration">Source audio per chunk, from 1 ms to 10 s; 20 ms is typical.</param>
    /// <param name="cancellationToken">Stops the copy; pass the handler's token, which fires when the caller interrupts.</param>
    /// <returns>The number of bytes written to <paramref name="writer"/>; always even. A partial frame at the very end is dropped.</returns>
    /// <exception cref="ArgumentException"><paramref name="pcm"/> is not readable.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="chunkDuration"/> is outside 1 ms to 10 s.</exception>
    public static ValueTask<long> WritePcmAsync(this VoiceResponseWriter writer, Stream pcm, PcmFormat format, TimeSpan chunkDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(pcm);
        ArgumentNullException.ThrowIfNull(format);
        if (!pcm.CanRead)
        {
            throw new ArgumentException("The PCM stream must be readable.", nameof(pcm));
        }

        CheckChunkDuration(chunkDuration);
        return CopyAsync(writer, format, chunkDuration, pcm.ReadAsync, cancellationToken);
    }

    private static async ValueTask<long> CopyAsync(VoiceResponseWriter writer, PcmFormat format, TimeSpan chunkDuration, Func<Memory<byte>, CancellationToken, ValueTask<int>> read, CancellationToken cancellationToken)
    {
        using var converter = new PcmStreamConverter(format, writer.SampleRate);
        var framesPerChunk = Math.Max(1, (int)(format.SampleRate * chunkDuration.TotalSeconds));
        var chunkBytes = framesPerChunk * format.BytesPerFrame;
        var input = ArrayPool<byte>.Shared.Rent(chunkBytes);
        var output = ArrayPool<byte>.Shared.Rent(Math.Max(converter.GetMaxOutputByteCount(chunkBytes), converter.GetFlushByteCount()));
        try
        {
            long written = 0;
            int count;
            while ((count = await read(input.AsMemory(0, chunkBytes), cancellationToken).ConfigureAwait(false)) > 0)
            {
                var converted = converter.Convert(input.AsSpan(0, count), output);
                if (converted > 0)
                {
                    await writer.WriteAsync(output.AsMemory(0, converted), cancellationToken).ConfigureAwait(false);
                    written += converted;
                }
            }

            var tailBytes = converter.GetFlushByteCount();
            if (tailBytes > output.Length)
            {
                ArrayPool<byte>.Shared.Return(output);
                output = ArrayPool<byte>.Shared.Rent(tailBytes);
            }

            var tail = converter.Flush(output);
            if (tail > 0)
            {
                await writer.WriteAsync(output.AsMemory(0, tail), cancellationToken).ConfigureAwait(false);
                written += tail;
            }

            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    private static int EncodeLittleEndian(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        var bytes = MemoryMarshal.AsBytes(samples);
        if (BitConverter.IsLittleEndian)
        {
            bytes.CopyTo(destination);
        }
        else
        {
            for (var i = 0; i < samples.Length; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(destination[(i * 2)..], samples[i]);
            }
        }

        return bytes.Length;
    }

    private static void CheckChunkDuration(TimeSpan chunkDuration)
    {
        if (chunkDuration < TimeSpan.FromMilliseconds(1) || chunkDuration > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(chunkDuration), chunkDuration, "The chunk duration must be between 1 ms and 10 s; 20 ms is typical.");
        }
    }
}
