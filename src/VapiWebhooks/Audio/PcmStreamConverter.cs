using System.Buffers;
using System.Runtime.CompilerServices;

namespace VapiWebhooks.Audio;

/// <summary>
/// Turns a stream of PCM chunks in any <see cref="PcmFormat"/> into exactly what Vapi's custom voice expects:
/// 16-bit signed little-endian mono at the requested sample rate, no header.
/// </summary>
/// <remarks>
/// <para>Each chunk is decoded to float (<see cref="PcmSampleConverter"/>), stereo is averaged to mono, the rate is changed
/// (<see cref="PolyphaseResampler"/>) and samples are rounded and clipped to 16 bits. Chunks may split a frame anywhere:
/// the partial frame is carried into the next call. Output is always whole 16-bit samples, never an odd byte count.</para>
/// <para>Chunks in, chunks out, with state carried between them, so the result does not depend on how the input was split.
/// Scratch buffers come from <see cref="ArrayPool{T}"/> once; the span and <see cref="IBufferWriter{T}"/> paths allocate nothing per chunk.
/// Call <see cref="Flush(Span{byte})"/> (or an overload) at the end of the stream, and <see cref="Dispose"/> to return the buffers.
/// One instance per stream; not thread-safe.</para>
/// </remarks>
public sealed class PcmStreamConverter : IDisposable
{
    /// <summary>Frames decoded and resampled per pass: bounds the scratch buffers whatever the chunk size.</summary>
    private const int BlockFrames = 1024;

    private static readonly TimeSpan DefaultChunkDuration = TimeSpan.FromMilliseconds(20);

    private readonly PolyphaseResampler _resampler;
    private readonly int _frameSize;
    private readonly byte[] _partialFrame = new byte[8];
    private float[]? _decoded;
    private float[]? _resampled;
    private byte[]? _encoded;
    private int _partialLength;

    /// <summary>Creates a converter from <paramref name="inputFormat"/> to 16-bit mono at <paramref name="outputSampleRate"/>.</summary>
    /// <param name="inputFormat">The layout of the bytes passed to <see cref="Convert(ReadOnlySpan{byte}, Span{byte})"/>.</param>
    /// <param name="outputSampleRate">The rate Vapi asked for (the <c>sampleRate</c> of the voice request), in hertz.</param>
    /// <exception cref="ArgumentNullException"><paramref name="inputFormat"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputSampleRate"/> is not between 1 and <see cref="PcmFormat.MaxSampleRate"/>.</exception>
    public PcmStreamConverter(PcmFormat inputFormat, int outputSampleRate)
    {
        ArgumentNullException.ThrowIfNull(inputFormat);
        InputFormat = inputFormat;
        OutputFormat = PcmFormat.Int16Mono(outputSampleRate);
        _resampler = new PolyphaseResampler(inputFormat.SampleRate, outputSampleRate);
        _frameSize = inputFormat.BytesPerFrame;
        _decoded = ArrayPool<float>.Shared.Rent(BlockFrames);
        _resampled = ArrayPool<float>.Shared.Rent(_resampler.GetMaxOutputLength(BlockFrames));
    }

    /// <summary>The layout of the input bytes.</summary>
    public PcmFormat InputFormat { get; }

    /// <summary>The layout of the output bytes: 16-bit signed little-endian mono at the requested rate.</summary>
    public PcmFormat OutputFormat { get; }

    /// <summary>Copies a WAV stream to <paramref name="destination"/> as 16-bit mono PCM at <paramref name="outputSampleRate"/>,
    /// converting and flushing in 20 ms chunks as the WAV arrives.</summary>
    /// <param name="wavSource">A readable WAV stream (see <see cref="WavReader"/> for what is supported). It need not be seekable.</param>
    /// <param name="destination">A writable stream, for example an HTTP response body.</param>
    /// <param name="outputSampleRate">The rate Vapi asked for, in hertz.</param>
    /// <param name="cancellationToken">Stops the copy (for example when the caller hangs up).</param>
    /// <returns>The number of bytes written to <paramref name="destination"/>.</returns>
    /// <exception cref="InvalidDataException">The WAV header is malformed or its format unsupported.</exception>
    public static ValueTask<long> CopyWavAsync(Stream wavSource, Stream destination, int outputSampleRate, CancellationToken cancellationToken = default) =>
        CopyWavAsync(wavSource, destination, outputSampleRate, DefaultChunkDuration, cancellationToken);

    /// <summary>Copies a WAV stream to <paramref name="destination"/> as 16-bit mono PCM at <paramref name="outputSampleRate"/>,
    /// converting and flushing in chunks of at most <paramref name="chunkDuration"/> of audio as the WAV arrives.</summary>
    /// <param name="wavSource">A readable WAV stream (see <see cref="WavReader"/> for what is supported). It need not be seekable.</param>
    /// <param name="destination">A writable stream, for example an HTTP response body.</param>
    /// <param name="outputSampleRate">The rate Vapi asked for, in hertz.</param>
    /// <param name="chunkDuration">Audio per chunk, from 1 ms to 10 s. A slow source yields smaller chunks rather than waiting to fill one.</param>
    /// <param name="cancellationToken">Stops the copy (for example when the caller hangs up).</param>
    /// <returns>The number of bytes written to <paramref name="destination"/>.</returns>
    /// <exception cref="InvalidDataException">The WAV header is malformed or its format unsupported.</exception>
    public static async ValueTask<long> CopyWavAsync(Stream wavSource, Stream destination, int outputSampleRate, TimeSpan chunkDuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(wavSource);
        ArgumentNullException.ThrowIfNull(destination);
        if (!destination.CanWrite)
        {
            throw new ArgumentException("The destination stream must be writable.", nameof(destination));
        }

        if (chunkDuration < TimeSpan.FromMilliseconds(1) || chunkDuration > TimeSpan.FromSeconds(10))
        {
            throw new ArgumentOutOfRangeException(nameof(chunkDuration), chunkDuration, "The chunk duration must be between 1 ms and 10 s; 20 ms is typical.");
        }

        var reader = await WavReader.OpenAsync(wavSource, cancellationToken).ConfigureAwait(false);
        using var converter = new PcmStreamConverter(reader.Format, outputSampleRate);
        var framesPerChunk = Math.Max(1, (int)(reader.Format.SampleRate * chunkDuration.TotalSeconds));
        var input = ArrayPool<byte>.Shared.Rent(framesPerChunk * reader.Format.BytesPerFrame);
        try
        {
            var chunk = input.AsMemory(0, framesPerChunk * reader.Format.BytesPerFrame);
            long written = 0;
            int read;
            while ((read = await reader.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
            {
                written += await converter.ConvertAsync(chunk[..read], destination, cancellationToken).ConfigureAwait(false);
                await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            }

            written += await converter.FlushAsync(destination, cancellationToken).ConfigureAwait(false);
            await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
            return written;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
        }
    }

    /// <summary>An upper bound on the bytes <see cref="Convert(ReadOnlySpan{byte}, Span{byte})"/> writes for <paramref name="inputByteCount"/> input bytes, whatever the state.</summary>
    /// <param name="inputByteCount">Number of input bytes.</param>
    /// <returns>The most output bytes; always even.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputByteCount"/> is negative.</exception>
    public int GetMaxOutputByteCount(int inputByteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputByteCount);
        return checked(_resampler.GetMaxOutputLength((inputByteCount / _frameSize) + 1) * 2);
    }

    /// <summary>Exactly how many bytes the next <see cref="Convert(ReadOnlySpan{byte}, Span{byte})"/> with <paramref name="inputByteCount"/> bytes will write.</summary>
    /// <param name="inputByteCount">Number of input bytes.</param>
    /// <returns>The number of output bytes; always even.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputByteCount"/> is negative.</exception>
    public int GetOutputByteCount(int inputByteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputByteCount);
        return checked(_resampler.GetOutputLength((int)(((long)_partialLength + inputByteCount) / _frameSize)) * 2);
    }

    /// <summary>Converts the next chunk. All of <paramref name="input"/> is consumed; a trailing partial frame is kept for the next call.</summary>
    /// <param name="input">The next bytes of the input stream, split anywhere.</param>
    /// <param name="output">Receives 16-bit little-endian mono samples; must hold <see cref="GetOutputByteCount"/> bytes
    /// (<see cref="GetMaxOutputByteCount"/> is always enough).</param>
    /// <returns>The number of bytes written; always even.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too small; nothing was consumed.</exception>
    /// <exception cref="ObjectDisposedException">The converter was disposed.</exception>
    public int Convert(ReadOnlySpan<byte> input, Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_decoded is null, this);
        var needed = GetOutputByteCount(input.Length);
        if (output.Length < needed)
        {
            throw new ArgumentException($"This chunk of {input.Length} bytes produces {needed} bytes but the output holds {output.Length}; size it with GetMaxOutputByteCount or GetOutputByteCount.", nameof(output));
        }

        var written = 0;
        if (_partialLength > 0)
        {
            var missing = _frameSize - _partialLength;
            if (input.Length < missing)
            {
                input.CopyTo(_partialFrame.AsSpan(_partialLength));
                _partialLength += input.Length;
                return 0;
            }

            input[..missing].CopyTo(_partialFrame.AsSpan(_partialLength));
            input = input[missing..];
            _partialLength = 0;
            written += ConvertFrames(_partialFrame.AsSpan(0, _frameSize), output);
        }

        var blockBytes = BlockFrames * _frameSize;
        while (input.Length >= _frameSize)
        {
            var take = Math.Min(blockBytes, input.Length - (input.Length % _frameSize));
            written += ConvertFrames(input[..take], output[written..]);
            input = input[take..];
        }

        input.CopyTo(_partialFrame);
        _partialLength = input.Length;
        return written;
    }

    /// <summary>Converts the next chunk into <paramref name="output"/>, asking it for exactly the bytes needed.</summary>
    /// <param name="input">The next bytes of the input stream, split anywhere.</param>
    /// <param name="output">Receives 16-bit little-endian mono samples.</param>
    /// <exception cref="ObjectDisposedException">The converter was disposed.</exception>
    public void Convert(ReadOnlySpan<byte> input, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var needed = GetOutputByteCount(input.Length);
        output.Advance(Convert(input, needed == 0 ? [] : output.GetSpan(needed)));
    }

    /// <summary>Converts the next chunk and writes it to <paramref name="destination"/> (without flushing the stream).</summary>
    /// <param name="input">The next bytes of the input stream, split anywhere.</param>
    /// <param name="destination">A writable stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of bytes written; always even.</returns>
    /// <exception cref="ObjectDisposedException">The converter was disposed.</exception>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> ConvertAsync(ReadOnlyMemory<byte> input, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        ObjectDisposedException.ThrowIf(_decoded is null, this);

        // Slices one frame short of a block, so even with a carried partial frame each slice fits the fixed output buffer.
        var sliceBytes = (BlockFrames - 1) * _frameSize;
        _encoded ??= ArrayPool<byte>.Shared.Rent(GetMaxOutputByteCount(sliceBytes));
        var total = 0;
        while (!input.IsEmpty)
        {
            var slice = input[..Math.Min(sliceBytes, input.Length)];
            input = input[slice.Length..];
            var count = Convert(slice.Span, _encoded);
            if (count > 0)
            {
                await destination.WriteAsync(_encoded.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
                total += count;
            }
        }

        return total;
    }

    /// <summary>Exactly how many bytes <see cref="Flush(Span{byte})"/> will write now.</summary>
    /// <returns>The number of bytes; always even.</returns>
    public int GetFlushByteCount() => _resampler.GetFlushLength() * 2;

    /// <summary>Ends the stream: writes the resampler's tail and resets, ready for a new stream.
    /// A trailing partial frame cannot be decoded and is dropped.</summary>
    /// <param name="output">Receives the tail; must hold <see cref="GetFlushByteCount"/> bytes.</param>
    /// <returns>The number of bytes written; always even.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too small; the state is unchanged.</exception>
    /// <exception cref="ObjectDisposedException">The converter was disposed.</exception>
    public int Flush(Span<byte> output)
    {
        ObjectDisposedException.ThrowIf(_resampled is null, this);
        var tail = _resampler.GetFlushLength();
        if (output.Length < tail * 2)
        {
            throw new ArgumentException($"The tail is {tail * 2} bytes but the output holds {output.Length}; size it with GetFlushByteCount.", nameof(output));
        }

        // The tail is about half the filter length; very steep ratios can make that longer than a block.
        var scratch = tail <= _resampled.Length ? _resampled : ArrayPool<float>.Shared.Rent(tail);
        try
        {
            var count = _resampler.Flush(scratch);
            _partialLength = 0;
            return PcmSampleConverter.WriteInt16LittleEndian(scratch.AsSpan(0, count), output);
        }
        finally
        {
            if (scratch != _resampled)
            {
                ArrayPool<float>.Shared.Return(scratch);
            }
        }
    }

    /// <summary>Ends the stream into <paramref name="output"/>: writes the resampler's tail and resets.</summary>
    /// <param name="output">Receives the tail.</param>
    /// <exception cref="ObjectDisposedException">The converter was disposed.</exception>
    public void Flush(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var needed = GetFlushByteCount();
        output.Advance(Flush(needed == 0 ? [] : output.GetSpan(needed)));
    }

    /// <summary>Ends the stream into <paramref name="destination"/>: writes the resampler's tail (without flushing the stream) and resets.</summary>
    /// <param name="destination">A writable stream.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The number of bytes written; always even.</returns>
    /// <exception cref="ObjectDisposedException">The converter was disposed.</exception>
    public async ValueTask<int> FlushAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(2, GetFlushByteCount()));
        try
        {
            var count = Flush(buffer);
            if (count > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, count), cancellationToken).ConfigureAwait(false);
            }

            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Returns the pooled scratch buffers. The converter cannot be used afterwards.</summary>
    public void Dispose()
    {
        ReturnToPool(ref _decoded);
        ReturnToPool(ref _resampled);
        if (_encoded is not null)
        {
            ArrayPool<byte>.Shared.Return(_encoded);
            _encoded = null;
        }
    }

    private static void ReturnToPool(ref float[]? buffer)
    {
        if (buffer is not null)
        {
            ArrayPool<float>.Shared.Return(buffer);
            buffer = null;
        }
    }

    /// <summary>Decodes, resamples and encodes whole frames (at most one block).</summary>
    private int ConvertFrames(ReadOnlySpan<byte> frames, Span<byte> output)
    {
        var decoded = PcmSampleConverter.DecodeToMono(frames, InputFormat, _decoded);
        var resampled = _resampler.Process(_decoded.AsSpan(0, decoded), _resampled);
        return PcmSampleConverter.WriteInt16LittleEndian(_resampled.AsSpan(0, resampled), output);
    }
}
