namespace VapiWebhooks.Audio;

/// <summary>
/// The shape of a raw PCM stream: how a sample is encoded, how many interleaved channels a frame holds,
/// and how many frames play per second.
/// </summary>
public sealed record PcmFormat
{
    /// <summary>The highest sample rate accepted, in hertz; above it a rate is almost certainly a mistake.</summary>
    public const int MaxSampleRate = 768_000;

    /// <summary>Creates a format, validating every part.</summary>
    /// <param name="encoding">How one sample is stored.</param>
    /// <param name="channels">1 (mono) or 2 (stereo, interleaved left then right).</param>
    /// <param name="sampleRate">Frames per second, from 1 to <see cref="MaxSampleRate"/>.</param>
    /// <exception cref="ArgumentOutOfRangeException">A part is outside the supported range.</exception>
    public PcmFormat(PcmSampleEncoding encoding, int channels, int sampleRate)
    {
        if (!Enum.IsDefined(encoding))
        {
            throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Use one of the PcmSampleEncoding values (Unsigned8, Signed16, Signed24, Signed32, IeeeFloat32).");
        }

        if (channels is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Only mono (1) and stereo (2) audio are supported.");
        }

        if (sampleRate is < 1 or > MaxSampleRate)
        {
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, $"The sample rate must be between 1 and {MaxSampleRate} Hz.");
        }

        Encoding = encoding;
        Channels = channels;
        SampleRate = sampleRate;
    }

    /// <summary>How one sample is stored.</summary>
    public PcmSampleEncoding Encoding { get; }

    /// <summary>Interleaved channels per frame: 1 or 2.</summary>
    public int Channels { get; }

    /// <summary>Frames per second, in hertz.</summary>
    public int SampleRate { get; }

    /// <summary>Bytes in one sample of one channel.</summary>
    public int BytesPerSample => BytesPer(Encoding);

    /// <summary>Bytes in one frame (one sample of every channel); WAV calls this the block align.</summary>
    public int BytesPerFrame => BytesPerSample * Channels;

    /// <summary>Bytes per second of audio.</summary>
    public int BytesPerSecond => BytesPerFrame * SampleRate;

    /// <summary>16-bit signed little-endian mono at <paramref name="sampleRate"/>: the raw PCM Vapi's custom voice expects.</summary>
    /// <param name="sampleRate">Frames per second, in hertz.</param>
    /// <returns>The format.</returns>
    public static PcmFormat Int16Mono(int sampleRate) => new(PcmSampleEncoding.Signed16, 1, sampleRate);

    /// <summary>Bytes used by one sample of <paramref name="encoding"/>.</summary>
    /// <param name="encoding">The sample encoding.</param>
    /// <returns>1, 2, 3 or 4.</returns>
    public static int BytesPer(PcmSampleEncoding encoding) => encoding switch
    {
        PcmSampleEncoding.Unsigned8 => 1,
        PcmSampleEncoding.Signed16 => 2,
        PcmSampleEncoding.Signed24 => 3,
        PcmSampleEncoding.Signed32 => 4,
        PcmSampleEncoding.IeeeFloat32 => 4,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "Use one of the PcmSampleEncoding values (Unsigned8, Signed16, Signed24, Signed32, IeeeFloat32)."),
    };

    /// <inheritdoc />
    public override string ToString() => $"{Encoding} {(Channels == 1 ? "mono" : "stereo")} {SampleRate} Hz";
}
