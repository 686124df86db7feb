namespace VapiWebhooks.Tests.Voice;

/// <summary>Builds WAV and raw PCM test sources: a steady tone, then a linear sweep.</summary>
internal static class TestAudio
{
    /// <summary>A steady <paramref name="toneHz"/> tone for <paramref name="toneSeconds"/>, then a linear sweep from
    /// <paramref name="sweepFromHz"/> to <paramref name="sweepToHz"/> for <paramref name="sweepSeconds"/>, at half scale.</summary>
    public static float[] ToneThenSweep(int sampleRate, double toneHz, double toneSeconds, double sweepFromHz, double sweepToHz, double sweepSeconds)
    {
        var toneLength = (int)(sampleRate * toneSeconds);
        var sweepLength = (int)(sampleRate * sweepSeconds);
        var samples = new float[toneLength + sweepLength];
        double phase = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i < toneLength ? 0 : (i - toneLength) / (double)sampleRate;
            var frequency = i < toneLength ? toneHz : sweepFromHz + ((sweepToHz - sweepFromHz) * t / sweepSeconds);
            samples[i] = (float)(0.5 * Math.Sin(phase));
            phase += 2 * Math.PI * frequency / sampleRate;
        }

        return samples;
    }

    public static byte[] Int16(ReadOnlySpan<float> samples)
    {
        var bytes = new byte[samples.Length * 2];
        for (var i = 0; i < samples.Length; i++)
        {
            var value = (short)Math.Round(samples[i] * 32767);
            bytes[2 * i] = (byte)value;
            bytes[(2 * i) + 1] = (byte)(value >> 8);
        }

        return bytes;
    }

    public static byte[] Wav16Mono(ReadOnlySpan<float> samples, int sampleRate)
        => new VapiWebhooks.Tests.Audio.WavFileBuilder { SampleRate = sampleRate, BitsPerSample = 16, Channels = 1 }.Build(Int16(samples));

    public static float[] ToFloat(short[] samples) => [.. samples.Select(s => s / 32768f)];
}
