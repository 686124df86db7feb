using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VapiWebhooks.Audio;

/// <summary>
/// Converts PCM samples between the byte encodings of <see cref="PcmSampleEncoding"/> and 32-bit float
/// in the nominal range [-1, 1], and between stereo and mono. Every method works on caller-supplied spans and allocates nothing.
/// </summary>
/// <remarks>
/// <para>Integer samples decode by an exact power-of-two scale: 8-bit <c>(b - 128) / 128</c>, 16-bit <c>s / 32768</c>,
/// 24-bit <c>s / 8388608</c>, 32-bit <c>s / 2147483648</c>. Because float carries 24 significant bits, 8/16/24-bit
/// samples decode exactly and 32-bit samples keep their top 24 bits.</para>
/// <para>Encoding to 16-bit scales by 32768, rounds to the nearest integer with ties to even (the IEEE default, which is unbiased),
/// then clips to [-32768, 32767]: +1.0 becomes 32767, -1.0 becomes -32768, NaN becomes 0. So 16-bit input converts back to itself
/// exactly and 24-bit input rounds correctly to 16 bits.</para>
/// </remarks>
public static class PcmSampleConverter
{
    private const float Int8Scale = 1f / 128f;
    private const float Int16Scale = 1f / 32768f;
    private const float Int24Scale = 1f / 8388608f;
    private const float Int32Scale = 1f / 2147483648f;

    /// <summary>Decodes interleaved samples of <paramref name="encoding"/> to float, one float per sample (channels stay interleaved).</summary>
    /// <param name="source">Encoded samples; its length must be a whole number of samples.</param>
    /// <param name="encoding">How each sample in <paramref name="source"/> is stored.</param>
    /// <param name="destination">Receives the samples; must hold at least <c>source.Length / bytesPerSample</c> floats.</param>
    /// <returns>The number of floats written.</returns>
    /// <remarks>Float input that is NaN decodes to 0 and infinities to ±1, so a bad sample cannot poison a resampler's history.</remarks>
    /// <exception cref="ArgumentException">The source is not whole samples, or the destination is too small.</exception>
    public static int Decode(ReadOnlySpan<byte> source, PcmSampleEncoding encoding, Span<float> destination)
    {
        var bytesPerSample = PcmFormat.BytesPer(encoding);
        var count = CountWhole(source.Length, bytesPerSample, nameof(source), "sample");
        EnsureRoom(destination.Length, count, nameof(destination));
        destination = destination[..count];

        switch (encoding)
        {
            case PcmSampleEncoding.Unsigned8:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = (source[i] - 128) * Int8Scale;
                }

                break;
            case PcmSampleEncoding.Signed16 when BitConverter.IsLittleEndian:
                // The bytes already are native shorts: reading them in place avoids a bounds-checked slice per sample.
                var shorts = MemoryMarshal.Cast<byte, short>(source);
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = shorts[i] * Int16Scale;
                }

                break;
            case PcmSampleEncoding.Signed16:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt16LittleEndian(source[(i * 2)..]) * Int16Scale;
                }

                break;
            case PcmSampleEncoding.Signed24:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = ReadInt24(source[(i * 3)..]) * Int24Scale;
                }

                break;
            case PcmSampleEncoding.Signed32:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = BinaryPrimitives.ReadInt32LittleEndian(source[(i * 4)..]) * Int32Scale;
                }

                break;
            default:
                for (var i = 0; i < destination.Length; i++)
                {
                    destination[i] = Sanitize(BinaryPrimitives.ReadSingleLittleEndian(source[(i * 4)..]));
                }

                break;
        }

        return count;
    }

    /// <summary>Decodes whole frames of <paramref name="format"/> to mono float, averaging left and right for stereo.</summary>
    /// <param name="source">Encoded frames; its length must be a multiple of <see cref="PcmFormat.BytesPerFrame"/>.</param>
    /// <param name="format">The layout of <paramref name="source"/>.</param>
    /// <param name="destination">Receives one float per frame.</param>
    /// <returns>The number of frames decoded.</returns>
    /// <exception cref="ArgumentException">The source is not whole frames, or the destination is too small.</exception>
    public static int DecodeToMono(ReadOnlySpan<byte> source, PcmFormat format, Span<float> destination)
    {
        ArgumentNullException.ThrowIfNull(format);
        var frames = CountWhole(source.Length, format.BytesPerFrame, nameof(source), "frame");
        EnsureRoom(destination.Length, frames, nameof(destination));
        if (format.Channels == 1)
        {
            return Decode(source, format.Encoding, destination);
        }

        // Decode pairs through a small stack block so stereo needs no scratch array from the caller.
        Span<float> block = stackalloc float[256];
        var bytesPerSample = format.BytesPerSample;
        var written = 0;
        while (written < frames)
        {
            var take = Math.Min(block.Length / 2, frames - written);
            var decoded = Decode(source.Slice(written * 2 * bytesPerSample, take * 2 * bytesPerSample), format.Encoding, block);
            DownmixStereoToMono(block[..decoded], destination.Slice(written, take));
            written += take;
        }

        return frames;
    }

    /// <summary>Averages interleaved left/right pairs into mono: <c>(left + right) / 2</c>.</summary>
    /// <param name="interleaved">Left, right, left, right...; its length must be even.</param>
    /// <param name="mono">Receives <c>interleaved.Length / 2</c> samples. It may be the same memory as <paramref name="interleaved"/>.</param>
    /// <exception cref="ArgumentException">The input has an odd length, or the output is too small.</exception>
    public static void DownmixStereoToMono(ReadOnlySpan<float> interleaved, Span<float> mono)
    {
        var frames = CountWhole(interleaved.Length, 2, nameof(interleaved), "left/right pair");
        EnsureRoom(mono.Length, frames, nameof(mono));

        // Front to back is safe in place: frame i reads 2i and 2i+1, never behind the write position i.
        for (var i = 0; i < frames; i++)
        {
            mono[i] = (interleaved[2 * i] + interleaved[(2 * i) + 1]) * 0.5f;
        }
    }

    /// <summary>Converts one float sample to 16-bit: scale by 32768, round to nearest (ties to even), clip; NaN becomes 0.</summary>
    /// <param name="sample">A sample in the nominal range [-1, 1]; anything outside is clipped.</param>
    /// <returns>The 16-bit sample.</returns>
    public static short ToInt16(float sample)
    {
        var scaled = MathF.Round(sample * 32768f);
        if (scaled >= short.MaxValue)
        {
            return short.MaxValue;
        }

        if (scaled <= short.MinValue)
        {
            return short.MinValue;
        }

        // NaN fails both comparisons above and every other; silence is the only honest value for it.
        return float.IsNaN(scaled) ? (short)0 : (short)scaled;
    }

    /// <summary>Converts float samples to 16-bit with <see cref="ToInt16(float)"/>.</summary>
    /// <param name="source">Samples in the nominal range [-1, 1].</param>
    /// <param name="destination">Receives one 16-bit sample per input sample.</param>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public static void ToInt16(ReadOnlySpan<float> source, Span<short> destination)
    {
        EnsureRoom(destination.Length, source.Length, nameof(destination));
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = ToInt16(source[i]);
        }
    }

    /// <summary>Writes float samples as 16-bit signed little-endian bytes with <see cref="ToInt16(float)"/>.</summary>
    /// <param name="source">Samples in the nominal range [-1, 1].</param>
    /// <param name="destination">Receives two bytes per sample.</param>
    /// <returns>The number of bytes written: always <c>2 * source.Length</c>.</returns>
    /// <exception cref="ArgumentException">The destination is too small.</exception>
    public static int WriteInt16LittleEndian(ReadOnlySpan<float> source, Span<byte> destination)
    {
        EnsureRoom(destination.Length, source.Length * 2, nameof(destination));
        if (BitConverter.IsLittleEndian)
        {
            ToInt16(source, MemoryMarshal.Cast<byte, short>(destination[..(source.Length * 2)]));
            return source.Length * 2;
        }

        for (var i = 0; i < source.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination[(i * 2)..], ToInt16(source[i]));
        }

        return source.Length * 2;
    }

    private static int ReadInt24(ReadOnlySpan<byte> bytes) =>

        // Put the 3 bytes in the top of an int, then shift back arithmetically to sign-extend.
        ((bytes[2] << 24) | (bytes[1] << 16) | (bytes[0] << 8)) >> 8;

    private static float Sanitize(float sample) =>
        float.IsFinite(sample) ? sample : float.IsNaN(sample) ? 0f : MathF.Sign(sample);

    private static int CountWhole(int length, int unit, string parameterName, string unitName)
    {
        if (length % unit != 0)
        {
            throw new ArgumentException($"The input holds {length} items, which is not a whole number of {unit}-item {unitName}s; pass whole {unitName}s (carry the remainder to the next call).", parameterName);
        }

        return length / unit;
    }

    private static void EnsureRoom(int available, int needed, string parameterName)
    {
        if (available < needed)
        {
            throw new ArgumentException($"The destination holds {available} items but {needed} are needed; pass a larger buffer.", parameterName);
        }
    }
}
