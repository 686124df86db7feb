using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace VapiWebhooks.Audio;

/// <summary>
/// Reads a RIFF/WAVE stream incrementally: <see cref="OpenAsync"/> parses the header up to the <c>data</c> chunk,
/// then <see cref="ReadAsync"/> returns the sample bytes as they arrive. The file is never held in memory.
/// </summary>
/// <remarks>
/// <para>Supported: <c>WAVE_FORMAT_PCM</c> (1) at 8 (unsigned), 16, 24 and 32 bits; <c>WAVE_FORMAT_IEEE_FLOAT</c> (3) at 32 bits;
/// and <c>WAVE_FORMAT_EXTENSIBLE</c> (0xFFFE) whose sub-format GUID is either of those. Mono or stereo, any rate.
/// Chunks other than <c>fmt </c> and <c>data</c> (LIST, fact, cue...) are skipped, honouring the pad byte after odd-sized chunks.</para>
/// <para>A <c>data</c> size of 0 or 0xFFFFFFFF means "unknown" (a WAV written to a pipe) and the samples run to the end of the stream.
/// A stream that ends before the declared size also just ends the samples: espeak-ng writing to stdout, for one, declares 0x7FFFF000.</para>
/// <para>The reader does not own the stream; dispose the stream yourself.</para>
/// </remarks>
public sealed class WavReader
{
    private const int WaveFormatPcm = 0x0001;
    private const int WaveFormatIeeeFloat = 0x0003;
    private const int WaveFormatExtensible = 0xFFFE;
    private const int FmtBytesUsed = 40;

    /// <summary>The tail of the KSDATAFORMAT_SUBTYPE_* GUIDs after the 2-byte format code: {0000XXXX-0000-0010-8000-00AA00389B71}.</summary>
    private static ReadOnlySpan<byte> SubFormatGuidTail => [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];

    private readonly Stream _stream;
    private long _remaining;

    private WavReader(Stream stream, PcmFormat format, long? dataLength)
    {
        _stream = stream;
        Format = format;
        DataLength = dataLength;
        _remaining = dataLength ?? -1;
    }

    /// <summary>The layout of the sample bytes returned by <see cref="ReadAsync"/>.</summary>
    public PcmFormat Format { get; }

    /// <summary>The size the <c>data</c> chunk declares, in bytes; <see langword="null"/> when it is unknown (0 or 0xFFFFFFFF) and the samples run to the end of the stream.</summary>
    public long? DataLength { get; }

    /// <summary>Reads the RIFF header and chunks up to the start of the samples.</summary>
    /// <param name="stream">A readable stream positioned at the start of the WAV. It need not be seekable.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>A reader positioned at the first sample byte.</returns>
    /// <exception cref="ArgumentException">The stream is not readable.</exception>
    /// <exception cref="InvalidDataException">The header is truncated or malformed, or the format is not supported; the message says which.</exception>
    public static async ValueTask<WavReader> OpenAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The WAV stream must be readable.", nameof(stream));
        }

        var header = new byte[FmtBytesUsed];
        await ReadHeaderBytesAsync(stream, header.AsMemory(0, 12), "RIFF header", cancellationToken).ConfigureAwait(false);
        CheckRiffHeader(header);

        PcmFormat? format = null;
        while (true)
        {
            var read = await stream.ReadAtLeastAsync(header.AsMemory(0, 8), 8, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new InvalidDataException(format is null
                    ? "The WAV stream ended before a 'fmt ' chunk; it has no audio format."
                    : "The WAV stream ended before a 'data' chunk; it has no samples.");
            }

            if (read < 8)
            {
                throw new InvalidDataException($"The WAV stream ended inside a chunk header ({read} of 8 bytes).");
            }

            var id = ChunkId(header);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            switch (id)
            {
                case "fmt ":
                    if (size < 16)
                    {
                        throw new InvalidDataException($"The WAV 'fmt ' chunk is {size} bytes; it must be at least 16.");
                    }

                    var used = (int)Math.Min(size, FmtBytesUsed);
                    await ReadHeaderBytesAsync(stream, header.AsMemory(0, used), "'fmt ' chunk", cancellationToken).ConfigureAwait(false);
                    format = ParseFormat(header.AsSpan(0, used));
                    await SkipAsync(stream, size - used + (size & 1), "'fmt ' chunk", cancellationToken).ConfigureAwait(false);
                    break;
                case "data":
                    if (format is null)
                    {
                        throw new InvalidDataException("The WAV 'data' chunk comes before any 'fmt ' chunk, so its format is unknown.");
                    }

                    var known = size is not (0 or uint.MaxValue);
                    return new WavReader(stream, format, known ? size : null);
                default:
                    await SkipAsync(stream, size + (size & 1), $"'{id}' chunk", cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Reads the next sample bytes, like <see cref="Stream.ReadAsync(Memory{byte}, CancellationToken)"/>.</summary>
    /// <param name="buffer">Receives the bytes; must not be empty.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The number of bytes read, at least 1; 0 only at the end of the samples. A read may end mid-frame:
    /// <see cref="PcmStreamConverter"/> carries partial frames, or collect whole <see cref="PcmFormat.BytesPerFrame"/> multiples yourself.</returns>
    /// <exception cref="ArgumentException"><paramref name="buffer"/> is empty.</exception>
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            throw new ArgumentException("Pass a non-empty buffer; an empty read cannot be told apart from the end of the samples.", nameof(buffer));
        }

        if (_remaining == 0)
        {
            return 0;
        }

        if (_remaining > 0 && _remaining < buffer.Length)
        {
            buffer = buffer[..(int)_remaining];
        }

        var read = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _remaining = 0;
        }
        else if (_remaining > 0)
        {
            _remaining -= read;
        }

        return read;
    }

    private static void CheckRiffHeader(ReadOnlySpan<byte> header)
    {
        var riff = ChunkId(header);
        if (riff is "RIFX")
        {
            throw new InvalidDataException("The stream is a big-endian RIFX file; only little-endian RIFF WAV is supported.");
        }

        if (riff is "RF64")
        {
            throw new InvalidDataException("The stream is an RF64 (64-bit) WAV file; only RIFF WAV is supported.");
        }

        if (riff is not "RIFF" || ChunkId(header[8..]) is not "WAVE")
        {
            throw new InvalidDataException("The stream is not a WAV file: it must start with 'RIFF' and have form type 'WAVE'.");
        }
    }

    private static PcmFormat ParseFormat(ReadOnlySpan<byte> fmt)
    {
        int tag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        int channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadUInt32LittleEndian(fmt[4..]);
        int blockAlign = BinaryPrimitives.ReadUInt16LittleEndian(fmt[12..]);
        int bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);

        if (tag == WaveFormatExtensible)
        {
            if (fmt.Length < FmtBytesUsed)
            {
                throw new InvalidDataException($"The WAV 'fmt ' chunk says WAVE_FORMAT_EXTENSIBLE but is {fmt.Length} bytes; it must be {FmtBytesUsed}.");
            }

            var subFormat = fmt[24..40];
            if (!subFormat[2..].SequenceEqual(SubFormatGuidTail))
            {
                throw new InvalidDataException($"The WAV extensible sub-format GUID {new Guid(subFormat)} is not supported; only PCM and IEEE float are.");
            }

            tag = BinaryPrimitives.ReadUInt16LittleEndian(subFormat);
        }

        var encoding = (tag, bits) switch
        {
            (WaveFormatPcm, 8) => PcmSampleEncoding.Unsigned8,
            (WaveFormatPcm, 16) => PcmSampleEncoding.Signed16,
            (WaveFormatPcm, 24) => PcmSampleEncoding.Signed24,
            (WaveFormatPcm, 32) => PcmSampleEncoding.Signed32,
            (WaveFormatPcm, _) => throw new InvalidDataException($"The WAV is {bits}-bit integer PCM; only 8, 16, 24 and 32 bits are supported."),
            (WaveFormatIeeeFloat, 32) => PcmSampleEncoding.IeeeFloat32,
            (WaveFormatIeeeFloat, _) => throw new InvalidDataException($"The WAV is {bits}-bit float; only 32-bit float is supported."),
            _ => throw new InvalidDataException($"The WAV format tag 0x{tag:X4} is not supported (it is likely compressed); only PCM (1), IEEE float (3) and extensible (0xFFFE) wrapping those are."),
        };

        if (channels is not (1 or 2))
        {
            throw new InvalidDataException($"The WAV has {channels} channels; only mono and stereo are supported.");
        }

        if (sampleRate is < 1 or > PcmFormat.MaxSampleRate)
        {
            throw new InvalidDataException($"The WAV sample rate {sampleRate} Hz is outside 1..{PcmFormat.MaxSampleRate} Hz.");
        }

        var format = new PcmFormat(encoding, channels, (int)sampleRate);
        if (blockAlign != format.BytesPerFrame)
        {
            throw new InvalidDataException($"The WAV block align is {blockAlign} bytes but {channels} channel(s) of {bits}-bit samples take {format.BytesPerFrame}.");
        }

        return format;
    }

    private static string ChunkId(ReadOnlySpan<byte> bytes) => bytes[..4] switch
    {
        // The common ids come back as literals so a well-formed file parses without allocating strings.
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F'] => "RIFF",
        [(byte)'W', (byte)'A', (byte)'V', (byte)'E'] => "WAVE",
        [(byte)'f', (byte)'m', (byte)'t', (byte)' '] => "fmt ",
        [(byte)'d', (byte)'a', (byte)'t', (byte)'a'] => "data",
        _ => Encoding.Latin1.GetString(bytes[..4]),
    };

    private static async ValueTask ReadHeaderBytesAsync(Stream stream, Memory<byte> buffer, string what, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        if (read < buffer.Length)
        {
            throw new InvalidDataException($"The WAV stream ended inside the {what} ({read} of {buffer.Length} bytes).");
        }
    }

    private static async ValueTask SkipAsync(Stream stream, long count, string what, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        if (stream.CanSeek)
        {
            if (stream.Length - stream.Position < count)
            {
                throw new InvalidDataException($"The WAV stream ended inside the {what}.");
            }

            stream.Seek(count, SeekOrigin.Current);
            return;
        }

        var scratch = ArrayPool<byte>.Shared.Rent((int)Math.Min(count, 4096));
        try
        {
            while (count > 0)
            {
                var read = await stream.ReadAsync(scratch.AsMemory(0, (int)Math.Min(count, scratch.Length)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new InvalidDataException($"The WAV stream ended inside the {what}.");
                }

                count -= read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
