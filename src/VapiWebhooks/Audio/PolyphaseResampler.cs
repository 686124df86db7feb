using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace VapiWebhooks.Audio;

/// <summary>
/// Streaming, band-limited sample-rate converter for mono float audio between any two integer rates
/// (for example 22050 → 24000 or 44100 → 8000), using a polyphase Kaiser-windowed sinc filter.
/// </summary>
/// <remarks>
/// <para>The ratio is reduced to L/M by the greatest common divisor. The low-pass cut sits at the lower of the two Nyquist
/// frequencies: flat to 85% of it, at least 80 dB down from it on (the design target; measured aliasing is well over 60 dB down).
/// The coefficient table is designed once per ratio and shared by every instance, so many concurrent calls cost one table
/// (L × taps floats: 40-200 KB between common TTS rates and Vapi's rates; a ratio of two large co-prime rates needs more).</para>
/// <para>Output sample <c>j</c> sits at input time <c>j * inputRate / outputRate</c>: the filter delay is compensated, so the
/// first output is the first input instant, and <see cref="Flush"/> emits the tail so that a stream of <c>n</c> input samples
/// yields <c>ceil(n * outputRate / inputRate)</c> output samples in total.</para>
/// <para>State carries across calls: feeding a signal in chunks of any sizes yields exactly the same floats as feeding it whole.
/// After construction no call allocates. An instance serves one stream at a time and is not thread-safe; make one per stream.</para>
/// </remarks>
public sealed class PolyphaseResampler
{
    /// <summary>Input samples taken per pass; the history keeps only the taps' worth between passes.</summary>
    private const int BlockSize = 2048;

    private static bool HasFusedMultiplyAdd => Fma.IsSupported || AdvSimd.IsSupported;

    private readonly PolyphaseFilterBank? _filter;
    private readonly float[] _history;
    private readonly int _taps;
    private readonly int _stepWhole;
    private readonly int _stepFraction;

    private int _count;
    private int _next;
    private int _phase;
    private long _inputTotal;
    private long _outputTotal;

    /// <summary>Creates a resampler from <paramref name="inputSampleRate"/> to <paramref name="outputSampleRate"/>.</summary>
    /// <param name="inputSampleRate">Rate of the samples passed to <see cref="Process"/>, in hertz.</param>
    /// <param name="outputSampleRate">Rate of the samples produced, in hertz. Equal rates pass samples through unchanged.</param>
    /// <exception cref="ArgumentOutOfRangeException">A rate is not between 1 and <see cref="PcmFormat.MaxSampleRate"/>.</exception>
    public PolyphaseResampler(int inputSampleRate, int outputSampleRate)
    {
        ValidateRate(inputSampleRate, nameof(inputSampleRate));
        ValidateRate(outputSampleRate, nameof(outputSampleRate));
        InputSampleRate = inputSampleRate;
        OutputSampleRate = outputSampleRate;

        var divisor = GreatestCommonDivisor(inputSampleRate, outputSampleRate);
        Interpolation = outputSampleRate / divisor;
        Decimation = inputSampleRate / divisor;
        if (IsPassThrough)
        {
            _history = [];
            return;
        }

        _filter = PolyphaseFilterBank.Get(Interpolation, Decimation);
        _taps = _filter.TapsPerPhase;
        _stepWhole = Decimation / Interpolation;
        _stepFraction = Decimation % Interpolation;
        _history = new float[_taps - 1 + BlockSize];
        Reset();
    }

    /// <summary>Rate of the input samples, in hertz.</summary>
    public int InputSampleRate { get; }

    /// <summary>Rate of the output samples, in hertz.</summary>
    public int OutputSampleRate { get; }

    /// <summary>Upsampling factor L of the reduced ratio L/M (output rate divided by the greatest common divisor of the rates).</summary>
    public int Interpolation { get; }

    /// <summary>Downsampling factor M of the reduced ratio L/M (input rate divided by the greatest common divisor of the rates).</summary>
    public int Decimation { get; }

    /// <summary>Filter taps applied per output sample (0 when the rates are equal).</summary>
    public int TapsPerPhase => _taps;

    private bool IsPassThrough => Interpolation == Decimation;

    /// <summary>An upper bound on what <see cref="Process"/> returns for <paramref name="inputLength"/> samples, whatever the state; use it to size buffers once.</summary>
    /// <param name="inputLength">Number of input samples.</param>
    /// <returns>The most output samples that many inputs can produce.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative or the result would not fit an <see cref="int"/>.</exception>
    public int GetMaxOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        return ToLength((((long)inputLength * Interpolation) / Decimation) + 1, nameof(inputLength));
    }

    /// <summary>Exactly how many samples the next <see cref="Process"/> call with <paramref name="inputLength"/> samples will produce.</summary>
    /// <param name="inputLength">Number of input samples.</param>
    /// <returns>The number of output samples.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="inputLength"/> is negative.</exception>
    public int GetOutputLength(int inputLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(inputLength);
        if (IsPassThrough)
        {
            return inputLength;
        }

        var available = (long)_count + inputLength;
        var ahead = ((available - _next) * Interpolation) - _phase;
        return ahead <= 0 ? 0 : ToLength((ahead + Decimation - 1) / Decimation, nameof(inputLength));
    }

    /// <summary>Exactly how many samples <see cref="Flush"/> will produce now: the tail still held back by the filter's look-ahead.</summary>
    /// <returns>The number of output samples.</returns>
    public int GetFlushLength()
    {
        if (IsPassThrough)
        {
            return 0;
        }

        var total = ((_inputTotal * Interpolation) + Decimation - 1) / Decimation;
        return (int)(total - _outputTotal);
    }

    /// <summary>Resamples the next chunk of a stream. All of <paramref name="input"/> is consumed.</summary>
    /// <param name="input">The next input samples, any number (including 0 or 1).</param>
    /// <param name="output">Receives the output; must hold at least <see cref="GetOutputLength"/> samples
    /// (<see cref="GetMaxOutputLength"/> is always enough). It must not overlap <paramref name="input"/>.</param>
    /// <returns>The number of samples written to <paramref name="output"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too small; nothing was consumed.</exception>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        var needed = GetOutputLength(input.Length);
        if (output.Length < needed)
        {
            throw new ArgumentException($"This chunk of {input.Length} samples produces {needed} samples but the output holds {output.Length}; size it with GetMaxOutputLength or GetOutputLength.", nameof(output));
        }

        if (IsPassThrough)
        {
            input.CopyTo(output);
            return input.Length;
        }

        _inputTotal += input.Length;
        var produced = 0;
        while (!input.IsEmpty)
        {
            var take = Math.Min(_history.Length - _count, input.Length);
            input[..take].CopyTo(_history.AsSpan(_count));
            input = input[take..];
            _count += take;
            produced += Drain(output[produced..], int.MaxValue);
            Compact();
        }

        return produced;
    }

    /// <summary>
    /// Ends the stream: emits the remaining tail (as if silence followed) and resets, ready for a new stream.
    /// </summary>
    /// <param name="output">Receives the tail; must hold at least <see cref="GetFlushLength"/> samples.</param>
    /// <returns>The number of samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is too small; the state is unchanged.</exception>
    public int Flush(Span<float> output)
    {
        var remaining = GetFlushLength();
        if (output.Length < remaining)
        {
            throw new ArgumentException($"The tail is {remaining} samples but the output holds {output.Length}; size it with GetFlushLength.", nameof(output));
        }

        var produced = 0;
        while (produced < remaining)
        {
            var room = _history.Length - _count;
            _history.AsSpan(_count, room).Clear();
            _count += room;
            produced += Drain(output[produced..], remaining - produced);
            Compact();
        }

        Reset();
        return produced;
    }

    /// <summary>Forgets the stream so far, ready for an unrelated one. <see cref="Flush"/> does this itself.</summary>
    public void Reset()
    {
        _inputTotal = 0;
        _outputTotal = 0;
        if (_filter is null)
        {
            return;
        }

        // Silence before the first sample fills the taps that reach back before the stream started.
        _count = _taps - 1;
        _history.AsSpan(0, _count).Clear();
        _next = (_filter.CenterDelay / Interpolation) + _taps - 1;
        _phase = _filter.CenterDelay % Interpolation;
    }

    private int Drain(Span<float> output, int limit)
    {
        var coefficients = _filter!.Coefficients;
        var history = _history;
        var taps = _taps;
        var produced = 0;
        while (_next < _count && produced < limit)
        {
            output[produced++] = Dot(
                new ReadOnlySpan<float>(history, _next - taps + 1, taps),
                new ReadOnlySpan<float>(coefficients, _phase * taps, taps));

            _next += _stepWhole;
            _phase += _stepFraction;
            if (_phase >= Interpolation)
            {
                _phase -= Interpolation;
                _next++;
            }
        }

        _outputTotal += produced;
        return produced;
    }

    /// <summary>Moves the taps still needed to the front of the history, so the rest of the buffer takes new input.</summary>
    private void Compact()
    {
        var start = _next - (_taps - 1);
        if (start <= 0)
        {
            return;
        }

        // The next output never starts past the received input: the filter is always longer than the M/L input
        // samples one output step advances (the Kaiser length grows with M), so there is nothing to skip.
        Debug.Assert(start < _count, "The filter spans more input than one output step.");
        _history.AsSpan(start, _count - start).CopyTo(_history);
        _count -= start;
        _next -= start;
    }

    /// <summary>Dot product of equal-length spans. The summation order depends only on the length, so results are reproducible.</summary>
    private static float Dot(ReadOnlySpan<float> samples, ReadOnlySpan<float> coefficients)
    {
        var sum = 0f;
        var start = 0;
        if (Vector.IsHardwareAccelerated && samples.Length >= 2 * Vector<float>.Count)
        {
            var x = MemoryMarshal.Cast<float, Vector<float>>(samples);
            var h = MemoryMarshal.Cast<float, Vector<float>>(coefficients);
            var even = Vector<float>.Zero;
            var odd = Vector<float>.Zero;
            var i = 0;

            // Two accumulators let consecutive multiply-adds overlap instead of waiting on each other.
            // Fused multiply-add is used only where the hardware has it, and then always, so a sample's value never depends
            // on which JIT tier computed it (an "estimate" could fuse in one tier and not another).
            if (HasFusedMultiplyAdd)
            {
                for (; i + 1 < x.Length; i += 2)
                {
                    even = Vector.FusedMultiplyAdd(x[i], h[i], even);
                    odd = Vector.FusedMultiplyAdd(x[i + 1], h[i + 1], odd);
                }
            }
            else
            {
                for (; i + 1 < x.Length; i += 2)
                {
                    even += x[i] * h[i];
                    odd += x[i + 1] * h[i + 1];
                }
            }

            if (i < x.Length)
            {
                even += x[i] * h[i];
            }

            sum = Vector.Sum(even + odd);
            start = x.Length * Vector<float>.Count;
        }

        for (var i = start; i < samples.Length; i++)
        {
            sum += samples[i] * coefficients[i];
        }

        return sum;
    }

    private static void ValidateRate(int rate, string parameterName)
    {
        if (rate is < 1 or > PcmFormat.MaxSampleRate)
        {
            throw new ArgumentOutOfRangeException(parameterName, rate, $"The sample rate must be between 1 and {PcmFormat.MaxSampleRate} Hz.");
        }
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }

    private static int ToLength(long value, string parameterName) =>
        value <= int.MaxValue
            ? (int)value
            : throw new ArgumentOutOfRangeException(parameterName, "The output would exceed int.MaxValue samples; process the input in smaller chunks.");
}
