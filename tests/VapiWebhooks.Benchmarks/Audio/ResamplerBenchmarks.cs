using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using VapiWebhooks.Audio;

namespace VapiWebhooks.Benchmarks.Audio;

/// <summary>
/// One 20 ms chunk per operation, so x-real-time = 20 ms / mean. The copy and same-rate conversion rows are the baselines:
/// they show what moving and converting the same samples costs without resampling.
/// </summary>
[MemoryDiagnoser]
public class ResamplerBenchmarks : IDisposable
{
    private float[] _chunk = [];
    private float[] _output = [];
    private byte[] _int16Chunk = [];
    private byte[] _int16Output = [];
    private PolyphaseResampler _resampler = null!;
    private PcmStreamConverter _writer = null!;
    private PcmStreamConverter _sameRateWriter = null!;

    /// <summary>Input rate → output rate.</summary>
    [Params("22050->24000", "44100->8000")]
    public string Rates { get; set; } = "22050->24000";

    [GlobalSetup]
    public void Setup()
    {
        var rates = Rates.Split("->");
        var inputRate = int.Parse(rates[0], System.Globalization.CultureInfo.InvariantCulture);
        var outputRate = int.Parse(rates[1], System.Globalization.CultureInfo.InvariantCulture);
        var frames = inputRate / 50;

        _chunk = new float[frames];
        _int16Chunk = new byte[frames * 2];
        for (var i = 0; i < frames; i++)
        {
            _chunk[i] = (float)(0.5 * Math.Sin(2 * Math.PI * 1000 * i / inputRate));
            BinaryPrimitives.WriteInt16LittleEndian(_int16Chunk.AsSpan(i * 2), (short)(_chunk[i] * 32767));
        }

        _resampler = new PolyphaseResampler(inputRate, outputRate);
        _output = new float[Math.Max(frames, _resampler.GetMaxOutputLength(frames))];
        _writer = new PcmStreamConverter(PcmFormat.Int16Mono(inputRate), outputRate);
        _sameRateWriter = new PcmStreamConverter(PcmFormat.Int16Mono(inputRate), inputRate);
        _int16Output = new byte[Math.Max(_writer.GetMaxOutputByteCount(_int16Chunk.Length), _int16Chunk.Length + 2)];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _writer.Dispose();
        _sameRateWriter.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, Description = "Copy float 20 ms (baseline)")]
    public void CopyFloat() => _chunk.AsSpan().CopyTo(_output);

    [Benchmark(Description = "Resample float 20 ms")]
    public int ResampleFloat() => _resampler.Process(_chunk, _output);

    [Benchmark(Description = "Int16 -> int16, same rate 20 ms (baseline)")]
    public int ConvertInt16SameRate() => _sameRateWriter.Convert(_int16Chunk, _int16Output);

    [Benchmark(Description = "Int16 -> int16, resampled 20 ms (writer)")]
    public int ConvertInt16Resampled() => _writer.Convert(_int16Chunk, _int16Output);
}
