using System.Collections.Concurrent;

namespace VapiWebhooks.Audio;

/// <summary>
/// The coefficient table of a Kaiser-windowed sinc low-pass filter, split into <see cref="Interpolation"/> phases
/// for rational resampling by <c>Interpolation / Decimation</c>. Immutable and shared: one instance per reduced ratio.
/// </summary>
internal sealed class PolyphaseFilterBank
{
    /// <summary>Target stop-band attenuation. 80 dB puts images and aliases below 16-bit quantisation noise at speech levels.</summary>
    internal const double StopBandAttenuationDecibels = 80;

    /// <summary>
    /// The pass band ends at this fraction of the lower Nyquist frequency; the stop band starts at that Nyquist frequency.
    /// At 8 kHz that keeps 0-3.4 kHz flat, the classic telephone band, and rejects everything that would alias.
    /// </summary>
    internal const double PassBandFraction = 0.85;

    /// <summary>Taps per phase are padded to a multiple of this, so the dot product runs in whole SIMD vectors (up to 512-bit).</summary>
    private const int TapAlignment = 16;

    private static readonly ConcurrentDictionary<(int Interpolation, int Decimation), Lazy<PolyphaseFilterBank>> Cache = new();

    private PolyphaseFilterBank(int interpolation, int decimation)
    {
        Interpolation = interpolation;
        Decimation = decimation;

        // Frequencies as cycles per sample of the virtual upsampled stream (rate = interpolation * input rate).
        var lowerRateOverUpsampledRate = Math.Min(1.0 / interpolation, 1.0 / decimation);
        var stopEdge = 0.5 * lowerRateOverUpsampledRate;
        var passEdge = PassBandFraction * stopEdge;
        var cutoff = 0.5 * (passEdge + stopEdge);
        var transitionRadians = 2 * Math.PI * (stopEdge - passEdge);

        // Kaiser's design formulas for the window shape and the length that reaches the attenuation over that transition.
        const double A = StopBandAttenuationDecibels;
        var beta = 0.1102 * (A - 8.7);
        var minimumLength = (int)Math.Ceiling((A - 7.95) / (2.285 * transitionRadians)) + 1;
        var taps = (minimumLength + interpolation - 1) / interpolation;
        taps = (taps + TapAlignment - 1) / TapAlignment * TapAlignment;
        TapsPerPhase = taps;

        // An odd length puts the centre on a whole upsampled sample, so output sample j lines up exactly with input time j*M/L.
        var total = interpolation * taps;
        var length = total % 2 == 1 ? total : total - 1;
        CenterDelay = (length - 1) / 2;

        var prototype = new double[total];
        var betaBessel = BesselI0(beta);
        var sum = 0.0;
        for (var n = 0; n < length; n++)
        {
            var x = n - CenterDelay;
            var ratio = (2.0 * n / (length - 1)) - 1.0;
            var window = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - (ratio * ratio)))) / betaBessel;
            var sinc = x == 0 ? 1.0 : Math.Sin(2 * Math.PI * cutoff * x) / (2 * Math.PI * cutoff * x);
            prototype[n] = 2 * cutoff * sinc * window;
            sum += prototype[n];
        }

        // Unity gain at DC after zero-stuffing: the taps of each phase sum to about 1, all taps to about L.
        var gain = interpolation / sum;

        // Phase p, tap k multiplies input x[i - k]; stored reversed so a phase lines up with history[i-T+1 .. i] in order.
        var coefficients = new float[total];
        for (var phase = 0; phase < interpolation; phase++)
        {
            for (var k = 0; k < taps; k++)
            {
                coefficients[(phase * taps) + (taps - 1 - k)] = (float)(prototype[phase + (k * interpolation)] * gain);
            }
        }

        Coefficients = coefficients;
    }

    /// <summary>Upsampling factor L (output rate / gcd).</summary>
    public int Interpolation { get; }

    /// <summary>Downsampling factor M (input rate / gcd).</summary>
    public int Decimation { get; }

    /// <summary>Taps each phase applies to the input history.</summary>
    public int TapsPerPhase { get; }

    /// <summary>The filter's group delay, in samples of the virtual upsampled stream.</summary>
    public int CenterDelay { get; }

    /// <summary>Phase-major, each phase's taps reversed: <c>Coefficients[p * TapsPerPhase + (TapsPerPhase - 1 - k)]</c>.</summary>
    public float[] Coefficients { get; }

    /// <summary>The shared table for a reduced ratio, designed once even when many streams ask at the same time.</summary>
    public static PolyphaseFilterBank Get(int interpolation, int decimation) =>
        Cache.GetOrAdd(
            (interpolation, decimation),
            static key => new Lazy<PolyphaseFilterBank>(() => new PolyphaseFilterBank(key.Interpolation, key.Decimation), LazyThreadSafetyMode.ExecutionAndPublication))
        .Value;

    /// <summary>Modified Bessel function of the first kind, order 0, by its power series (converges fast for the betas used).</summary>
    private static double BesselI0(double x)
    {
        var sum = 1.0;
        var term = 1.0;
        var halfX = x / 2;
        for (var k = 1; k < 64; k++)
        {
            term *= halfX / k;
            var squared = term * term;
            sum += squared;
            if (squared < sum * 1e-17)
            {
                break;
            }
        }

        return sum;
    }
}
