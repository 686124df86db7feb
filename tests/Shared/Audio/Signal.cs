namespace VapiWebhooks.Tests.Audio;

/// <summary>Test signals and the measurements the resampler is judged by.</summary>
internal static class Signal
{
    public static float[] Sine(double frequency, int sampleRate, int length, double amplitude = 0.5)
    {
        var samples = new float[length];
        for (var i = 0; i < length; i++)
        {
            samples[i] = (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / sampleRate));
        }

        return samples;
    }

    public static float[] Noise(int length, int seed)
    {
        var random = new Random(seed);
        var samples = new float[length];
        for (var i = 0; i < length; i++)
        {
            samples[i] = (float)((random.NextDouble() * 2) - 1);
        }

        return samples;
    }

    /// <summary>Frequency from the interpolated positions of the first and last upward zero crossings.</summary>
    public static double ZeroCrossingFrequency(ReadOnlySpan<float> samples, int sampleRate)
    {
        double first = -1, last = -1;
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if (samples[i - 1] < 0 && samples[i] >= 0)
            {
                var at = i - 1 + (samples[i - 1] / (double)(samples[i - 1] - samples[i]));
                if (first < 0)
                {
                    first = at;
                }

                last = at;
                crossings++;
            }
        }

        return (crossings - 1) / ((last - first) / sampleRate);
    }

    /// <summary>Power spectrum (one-sided, arbitrary scale) of a Blackman-Harris-windowed block; its side lobes are 92 dB down.</summary>
    public static double[] PowerSpectrum(ReadOnlySpan<float> samples)
    {
        var n = samples.Length;
        var windowed = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = 2 * Math.PI * i / (n - 1);
            var window = 0.35875 - (0.48829 * Math.Cos(x)) + (0.14128 * Math.Cos(2 * x)) - (0.01168 * Math.Cos(3 * x));
            windowed[i] = samples[i] * window;
        }

        var cos = new double[n];
        var sin = new double[n];
        for (var i = 0; i < n; i++)
        {
            cos[i] = Math.Cos(2 * Math.PI * i / n);
            sin[i] = Math.Sin(2 * Math.PI * i / n);
        }

        var power = new double[(n / 2) + 1];
        for (var k = 0; k < power.Length; k++)
        {
            double re = 0, im = 0;
            var index = 0;
            for (var i = 0; i < n; i++)
            {
                re += windowed[i] * cos[index];
                im -= windowed[i] * sin[index];
                index += k;
                if (index >= n)
                {
                    index -= n;
                }
            }

            power[k] = (re * re) + (im * im);
        }

        return power;
    }

    /// <summary>How far (in dB) the strongest bin outside <paramref name="guardHz"/> of the tone lies below the tone's peak.</summary>
    public static double SpuriousFreeRange(ReadOnlySpan<float> samples, int sampleRate, double toneHz, double guardHz = 150)
    {
        var power = PowerSpectrum(samples);
        var binHz = (double)sampleRate / samples.Length;
        double tone = 0, spurious = 1e-300;
        for (var k = 0; k < power.Length; k++)
        {
            if (Math.Abs((k * binHz) - toneHz) <= guardHz)
            {
                tone = Math.Max(tone, power[k]);
            }
            else
            {
                spurious = Math.Max(spurious, power[k]);
            }
        }

        return 10 * Math.Log10(tone / spurious);
    }

    public static double Rms(ReadOnlySpan<float> samples)
    {
        double sum = 0;
        foreach (var sample in samples)
        {
            sum += sample * (double)sample;
        }

        return Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Resamples a whole signal in one call plus the flush.</summary>
    public static float[] ResampleWhole(VapiWebhooks.Audio.PolyphaseResampler resampler, ReadOnlySpan<float> input)
    {
        // A whole stream yields ceil(n * L / M) samples, which the stateless bound always covers.
        var output = new float[resampler.GetMaxOutputLength(input.Length)];
        var count = resampler.Process(input, output);
        count += resampler.Flush(output.AsSpan(count));
        return output[..count];
    }
}
