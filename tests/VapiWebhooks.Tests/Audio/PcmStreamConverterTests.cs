using System.Buffers;
using System.Buffers.Binary;
using VapiWebhooks.Audio;

namespace VapiWebhooks.Tests.Audio;

public class PcmStreamConverterTests
{
    public static TheoryData<PcmSampleEncoding, int, int, int> Conversions()
    {
        var data = new TheoryData<PcmSampleEncoding, int, int, int>();
        data.Add(PcmSampleEncoding.Signed16, 1, 22050, 24000);
        data.Add(PcmSampleEncoding.Signed24, 2, 44100, 8000);
        data.Add(PcmSampleEncoding.IeeeFloat32, 2, 24000, 24000);
        data.Add(PcmSampleEncoding.Unsigned8, 1, 8000, 16000);
        data.Add(PcmSampleEncoding.Signed32, 2, 16000, 22050);
        data.Add(PcmSampleEncoding.Signed16, 2, 48000, 16000);
        return data;
    }

    [Theory]
    [MemberData(nameof(Conversions))]
    public void Any_split_of_the_input_gives_the_same_bytes_and_never_an_odd_count(PcmSampleEncoding encoding, int channels, int inputRate, int outputRate)
    {
        var format = new PcmFormat(encoding, channels, inputRate);
        var input = new byte[format.BytesPerFrame * (inputRate / 5)];
        new Random(inputRate).NextBytes(input);
        var whole = ConvertWhole(format, outputRate, input);

        var random = new Random(outputRate + channels);
        using var converter = new PcmStreamConverter(format, outputRate);
        var split = new List<byte>();
        var output = new byte[converter.GetMaxOutputByteCount(4000)];
        for (var position = 0; position < input.Length;)
        {
            // Sizes that are rarely whole frames: 1 byte, a few bytes, or up to a few thousand.
            var size = Math.Min(input.Length - position, random.Next(3) switch { 0 => 1, 1 => random.Next(0, 11), _ => random.Next(1, 4000) });
            var expected = converter.GetOutputByteCount(size);
            var written = converter.Convert(input.AsSpan(position, size), output);

            written.Should().Be(expected);
            (written % 2).Should().Be(0, "a chunk must never end inside a 16-bit sample");
            split.AddRange(output.AsSpan(0, written));
            position += size;
        }

        var flushed = converter.Flush(output);
        (flushed % 2).Should().Be(0);
        split.AddRange(output.AsSpan(0, flushed));

        split.Should().Equal(whole);
        whole.Length.Should().Be(2 * (int)Math.Ceiling((double)(input.Length / format.BytesPerFrame) * outputRate / inputRate));
    }

    [Fact]
    public void A_frame_split_across_chunks_is_carried_until_it_is_complete()
    {
        var format = new PcmFormat(PcmSampleEncoding.Signed24, 2, 16000);
        using var converter = new PcmStreamConverter(format, 16000);
        byte[] frame = [0x00, 0x10, 0x00, 0x00, 0x30, 0x00]; // Left 0x001000, right 0x003000: 16 and 48 in 16 bits.
        var output = new byte[4];

        converter.Convert(frame.AsSpan(0, 1), output).Should().Be(0);
        converter.Convert(frame.AsSpan(1, 4), output).Should().Be(0);
        converter.GetOutputByteCount(1).Should().Be(2);
        converter.Convert(frame.AsSpan(5, 1), output).Should().Be(2);

        BinaryPrimitives.ReadInt16LittleEndian(output).Should().Be(32, "the average of 16 and 48");
    }

    [Fact]
    public void Sixteen_bit_mono_at_the_same_rate_comes_out_unchanged()
    {
        var input = new byte[2 * 4800];
        new Random(11).NextBytes(input);

        ConvertWhole(PcmFormat.Int16Mono(24000), 24000, input).Should().Equal(input);
    }

    [Fact]
    public void Stereo_float_at_the_same_rate_is_averaged_rounded_and_clipped()
    {
        float[] samples = [0.5f, 0.25f, 1f, 1f, -1f, -1f, 2f, 2f, float.NaN, 0f, 1f / 65536, 1f / 65536];
        var input = new byte[samples.Length * 4];
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(input.AsSpan(i * 4), samples[i]);
        }

        var output = ConvertWhole(new PcmFormat(PcmSampleEncoding.IeeeFloat32, 2, 16000), 16000, input);

        Int16s(output).Should().Equal(12288, 32767, -32768, 32767, 0, 0);
    }

    [Fact]
    public void The_buffer_writer_overload_gives_the_same_bytes()
    {
        var format = new PcmFormat(PcmSampleEncoding.Signed16, 2, 44100);
        var input = new byte[format.BytesPerFrame * 4410];
        new Random(12).NextBytes(input);
        var writer = new ArrayBufferWriter<byte>();
        using var converter = new PcmStreamConverter(format, 8000);

        for (var position = 0; position < input.Length; position += 1001)
        {
            converter.Convert(input.AsSpan(position, Math.Min(1001, input.Length - position)), writer);
        }

        converter.Flush(writer);

        writer.WrittenSpan.ToArray().Should().Equal(ConvertWhole(format, 8000, input));
    }

    [Fact]
    public async Task The_stream_overload_gives_the_same_bytes_in_bounded_writes()
    {
        var format = new PcmFormat(PcmSampleEncoding.Signed16, 1, 8000);
        var input = new byte[2 * 8000];
        new Random(13).NextBytes(input);
        var destination = new RecordingStream();
        using var converter = new PcmStreamConverter(format, 44100);

        await converter.ConvertAsync(input, destination);
        await converter.FlushAsync(destination);

        destination.Written.Should().Equal(ConvertWhole(format, 44100, input));
        destination.WriteSizes.Should().AllSatisfy(size => (size % 2).Should().Be(0));
        destination.WriteSizes.Count.Should().BeGreaterThan(1, "a large chunk goes out in pieces through a fixed buffer");
    }

    [Fact]
    public void A_too_small_output_is_rejected_and_nothing_is_consumed()
    {
        var format = new PcmFormat(PcmSampleEncoding.Signed16, 1, 22050);
        var input = new byte[2 * 441];
        new Random(14).NextBytes(input);
        using var converter = new PcmStreamConverter(format, 24000);
        var needed = converter.GetOutputByteCount(input.Length);

        var convert = () => converter.Convert(input, new byte[needed - 2]);

        convert.Should().Throw<ArgumentException>().WithParameterName("output").WithMessage($"*produces {needed} bytes but the output holds {needed - 2}*GetMaxOutputByteCount*");
        var output = new byte[needed];
        converter.Convert(input, output);
        var rest = new byte[converter.GetFlushByteCount()];
        converter.Flush(rest);
        output.Concat(rest).Should().Equal(ConvertWhole(format, 24000, input));
    }

    [Fact]
    public void Steady_state_conversion_allocates_nothing()
    {
        var format = new PcmFormat(PcmSampleEncoding.Signed16, 1, 22050);
        var chunk = new byte[2 * 441]; // 20 ms.
        new Random(15).NextBytes(chunk);
        using var converter = new PcmStreamConverter(format, 24000);
        var output = new byte[converter.GetMaxOutputByteCount(chunk.Length)];
        for (var i = 0; i < 100; i++)
        {
            converter.Convert(chunk, output);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 2000; i++)
        {
            converter.Convert(chunk.AsSpan(0, 301), output); // Odd sizes, so partial frames are carried too.
            converter.Convert(chunk.AsSpan(301), output);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        allocated.Should().Be(0);
    }

    [Fact]
    public void A_disposed_converter_refuses_work()
    {
        var converter = new PcmStreamConverter(PcmFormat.Int16Mono(16000), 8000);
        converter.Dispose();
        converter.Dispose();

        var convert = () => converter.Convert(new byte[2], new byte[2]);
        var flush = () => converter.Flush(new byte[2]);

        convert.Should().Throw<ObjectDisposedException>();
        flush.Should().Throw<ObjectDisposedException>();
    }

    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    [InlineData(24000)]
    [InlineData(44100)]
    public async Task A_WAV_is_copied_as_16_bit_mono_at_each_rate_Vapi_asks_for(int outputRate)
    {
        var wav = ToneWav(1000, 22050, seconds: 1, channels: 2);
        var destination = new RecordingStream();

        var written = await PcmStreamConverter.CopyWavAsync(new TrickleStream(wav, bytesPerRead: 1500), destination, outputRate);

        written.Should().Be(2L * outputRate);
        destination.Written.Length.Should().Be(2 * outputRate);
        destination.WriteSizes.Should().AllSatisfy(size => (size % 2).Should().Be(0));
        destination.Flushes.Should().BeGreaterThanOrEqualTo(destination.WriteSizes.Count - 1, "each chunk is flushed as it is written");

        var samples = Int16s(destination.Written).Select(s => s / 32768f).ToArray();
        Signal.ZeroCrossingFrequency(samples.AsSpan(outputRate / 4, outputRate / 2), outputRate).Should().BeApproximately(1000, 0.05);
    }

    [Fact]
    public async Task A_WAV_is_copied_in_chunks_of_the_requested_duration()
    {
        var wav = ToneWav(440, 16000, seconds: 1, channels: 1);
        var destination = new RecordingStream();

        await PcmStreamConverter.CopyWavAsync(new MemoryStream(wav), destination, 16000, TimeSpan.FromMilliseconds(20));

        destination.WriteSizes.Should().HaveCount(50);
        destination.WriteSizes.Should().AllSatisfy(size => size.Should().Be(640));
        destination.Written.Should().Equal(wav[^32000..]);
    }

    [Fact]
    public async Task Copying_stops_when_cancelled()
    {
        using var hangUp = new CancellationTokenSource();
        var destination = new RecordingStream(hangUp, writesBeforeCancel: 3);

        var copy = async () => await PcmStreamConverter.CopyWavAsync(new MemoryStream(ToneWav(440, 16000, 1, 1)), destination, 8000, hangUp.Token);

        await copy.Should().ThrowAsync<OperationCanceledException>();
        destination.WriteSizes.Should().HaveCount(3);
    }

    [Fact]
    public async Task Copying_rejects_a_bad_chunk_duration_and_a_malformed_WAV()
    {
        var badDuration = async () => await PcmStreamConverter.CopyWavAsync(new MemoryStream(), new MemoryStream(), 8000, TimeSpan.Zero);
        var notWav = async () => await PcmStreamConverter.CopyWavAsync(new MemoryStream(new byte[64]), new MemoryStream(), 8000);

        await badDuration.Should().ThrowAsync<ArgumentOutOfRangeException>().WithParameterName("chunkDuration");
        await notWav.Should().ThrowAsync<InvalidDataException>();
    }

    private static byte[] ConvertWhole(PcmFormat format, int outputRate, byte[] input)
    {
        using var converter = new PcmStreamConverter(format, outputRate);
        var output = new byte[converter.GetMaxOutputByteCount(input.Length)];
        var count = converter.Convert(input, output);
        var tail = new byte[converter.GetFlushByteCount()];
        converter.Flush(tail);
        return [.. output.AsSpan(0, count), .. tail];
    }

    private static short[] Int16s(byte[] bytes)
    {
        var samples = new short[bytes.Length / 2];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(i * 2));
        }

        return samples;
    }

    private static byte[] ToneWav(double frequency, int sampleRate, int seconds, int channels)
    {
        var tone = Signal.Sine(frequency, sampleRate, sampleRate * seconds);
        var samples = new byte[tone.Length * 2 * channels];
        for (var i = 0; i < tone.Length; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(samples.AsSpan(((i * channels) + c) * 2), (short)Math.Round(tone[i] * 32767));
            }
        }

        return new WavFileBuilder { Channels = channels, SampleRate = sampleRate }.Build(samples);
    }
}
